// `npm run demo`: the fake router (test/fake-router) plus the dashboard against it, in a scratch state folder,
// so everything is live without a Hugging Face token or a network.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded, nextBin, root, tsNode } from "./lib";

const port = process.env.PORT || "3000";
const routerPort = process.env.FAKE_ROUTER_PORT || "4010";
const extra = process.env.DEMO_EXTRA_MODELS || "0";
const stateDir = process.env.OPENCLAW_STATE_DIR || path.join(root, ".tmp", "demo-state");
// The demo's own data folder (model facts memory, usage ledger; never the real one), kept between demo runs.
const dataDir = path.join(stateDir, "data");
// Obviously fake: the fake router accepts it, the real one never would.
const token = "hf_fake_demo_token_0000";

fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
const code = await buildIfNeeded(process.env.NEXT_DIST_DIR || ".next");
if (code !== 0) process.exit(code);

const children: ChildProcess[] = [];
function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
  children.push(child);
  child.on("exit", (exitCode) => {
    for (const other of children) if (other !== child) other.kill("SIGTERM");
    process.exit(exitCode ?? 0);
  });
  return child;
}

start([...tsNode, "test/fake-router/main.ts", "--port", routerPort, "--token", token, "--extra", extra], {});
// The dashboard discovers models at start: let the router be up first.
for (let i = 0; i < 100; i += 1) {
  const up = await fetch(`http://127.0.0.1:${routerPort}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
start([nextBin, "start", "--hostname", "127.0.0.1", "--port", port], {
  HF_ROUTER_URL: `http://127.0.0.1:${routerPort}/v1`,
  HF_TOKEN: token,
  HUGGINGFACE_HUB_TOKEN: "",
  OPENCLAW_STATE_DIR: stateDir,
  OPENCLAW_CONFIG_PATH: "",
  HF_PICKER_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
});
console.log(
  `> demo: dashboard http://127.0.0.1:${port} · fake router http://127.0.0.1:${routerPort}/v1 · config ${stateDir}/openclaw.json · usage ledger ${dataDir}`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => children.forEach((c) => c.kill(signal)));
