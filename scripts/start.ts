// `npm start`: builds if needed, then serves the dashboard on HOST:PORT (127.0.0.1:3000 by default).
import { spawn } from "node:child_process";
import { buildIfNeeded, isLoopback, nextBin, root } from "./lib";

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";

if (!isLoopback(host) && !process.env.DASHBOARD_API_KEY) {
  console.error(
    `Refusing to listen on ${host}: beyond loopback the OpenAI-compatible gateway would let anyone spend your ` +
      "Hugging Face credits. Set DASHBOARD_API_KEY (clients then send it as their API key), or use HOST=127.0.0.1.",
  );
  process.exit(1);
}

const code = await buildIfNeeded(distDir);
if (code !== 0) process.exit(code);

console.log(`> HF Model Picker on http://${host.includes(":") ? `[${host}]` : host}:${port}`);
const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", HOST: host };
const child = spawn(process.execPath, [nextBin, "start", "--hostname", host, "--port", port], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (exitCode) => process.exit(exitCode ?? 0));
