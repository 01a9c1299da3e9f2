// Starts one dashboard for the e2e run with a clean state folder of its own.
// Usage: node --import tsx scripts/e2e-dashboard.ts <port> <stateDir> <routerUrl> [token]
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [port, stateDir, routerUrl, token] = process.argv.slice(2);
if (!port || !stateDir || !routerUrl) {
  console.error("usage: e2e-dashboard.ts <port> <stateDir> <routerUrl> [token]");
  process.exit(2);
}
fs.rmSync(stateDir, { recursive: true, force: true });
fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
if (token) fs.writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${token}\n`, { mode: 0o600 });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  HOSTNAME: "127.0.0.1",
  HF_ROUTER_URL: routerUrl,
  OPENCLAW_STATE_DIR: stateDir,
  // The dashboard's data folder (model facts memory, usage ledger), inside the run's own folder (never the developer's ~/.hf-model-picker).
  HF_PICKER_DATA_DIR: path.join(stateDir, "data"),
};
for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH"]) delete env[name];
const nextBin = path.join(import.meta.dirname, "..", "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", port], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
