/**
 * `npm run bench` writes BENCHMARKS.md: every figure of "Speed at the limit" beside its floor,
 * measured in the same run on this machine (loopback only), and prints how long the whole run took
 * (build included). Asserts nothing.
 *
 *   npm run bench -- [--rounds 3] [--port 3600] [--only http]
 *
 * `--only http` measures the server-side figures alone (gateway, `/api/models`), prints them and
 * leaves BENCHMARKS.md as it is: for profiling a server change without the browser part.
 *
 * Builds into NEXT_DIST_DIR (default .next-bench) when missing or stale; starts two
 * fake routers (150 and 10,000 models), a router that never answers, three dashboards, a bare Node
 * server and nginx (when installed) on ports port..port+30, and stops them all at the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeAgent } from "./bench-lib/http-bench";
import { bareNode, hangingRouter, nginxProxy, type Closable } from "./bench-lib/floors";
import { ROOT, start, stop, waitFor } from "./bench-lib/procs";
import { measureHttp } from "./bench-lib/speed-http";
import { measurePages } from "./bench-lib/speed-pages";
import { httpRows, writeReport } from "./bench-lib/speed-report";
import { buildIfNeeded } from "./lib";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: process.env.E2E_PORT_BASE ?? "3600" },
    only: { type: "string" },
  },
});
const rounds = Number(values.rounds);
const base = Number(values.port);
if (values.only !== undefined && values.only !== "http") {
  console.error(`--only: "http" is the one part that runs alone (got "${values.only}")`);
  process.exit(2);
}
const httpOnly = values.only === "http";
const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
const TOKEN = "hf_fake_bench_token_0000";
const began = Date.now();

// A production build, made only when missing or older than the sources. Next rewrites tsconfig.json
// for a dist folder other than `.next` (its types path); put it back so the repo stays clean.
const tsconfig = path.join(ROOT, "tsconfig.json");
const tsconfigText = fs.readFileSync(tsconfig, "utf8");
const built = await buildIfNeeded(distDir);
const buildSeconds = (Date.now() - began) / 1000;
if (fs.readFileSync(tsconfig, "utf8") !== tsconfigText) fs.writeFileSync(tsconfig, tsconfigText);
if (built !== 0) process.exit(built);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-speed-"));
const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const port = {
  router150: base + 1,
  router10k: base + 2,
  hang: base + 3,
  dash150: base + 10,
  dash10k: base + 11,
  dashHang: base + 12,
  bare: base + 20,
  nginx: base + 21,
};
const url = (p: number) => `http://127.0.0.1:${p}`;
const children = [
  start(tsx, ["test/fake-router/main.ts", "--port", String(port.router150), "--token", TOKEN]),
  start(tsx, ["test/fake-router/main.ts", "--port", String(port.router10k), "--token", TOKEN, "--extra", "10000"]),
];
const closables: Closable[] = [];

async function refreshed(target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (await fetch(target)).arrayBuffer();
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`  ${target}: ${String(error)}; trying again`);
      await waitFor(target);
    }
  }
}

function dashboard(dashPort: number, routerUrl: string, extraEnv: Record<string, string> = {}) {
  const args = ["--import", "tsx", "scripts/e2e-dashboard.ts", String(dashPort), path.join(tmp, `state-${dashPort}`)];
  return start(process.execPath, [...args, routerUrl, TOKEN], { ...process.env, NEXT_DIST_DIR: distDir, ...extraEnv });
}

try {
  await waitFor(`${url(port.router150)}/health`);
  await waitFor(`${url(port.router10k)}/health`);
  closables.push(await hangingRouter(port.hang), await bareNode(port.bare));
  const nginx = await nginxProxy(port.nginx, `127.0.0.1:${port.router150}`, path.join(tmp, "nginx"));
  if (nginx) closables.push(nginx);
  children.push(
    dashboard(port.dash150, `${url(port.router150)}/v1`),
    dashboard(port.dash10k, `${url(port.router10k)}/v1`),
  );
  // The router never answers; the dashboard would wait this long for it (a page figure only).
  if (!httpOnly) children.push(dashboard(port.dashHang, `${url(port.hang)}/v1`, { ROUTER_TIMEOUT_MS: "600000" }));
  for (const p of httpOnly ? [port.dash150, port.dash10k] : [port.dash150, port.dash10k, port.dashHang])
    await waitFor(`${url(p)}/api/health`);
  // Both live lists in, before anything is timed (again if a loaded machine cut the first try).
  for (const dash of [port.dash150, port.dash10k]) await refreshed(`${url(dash)}/api/models?refresh=1`);

  const http = await measureHttp({
    rounds,
    token: TOKEN,
    direct: `${url(port.router150)}/v1`,
    nginx: nginx ? `${url(port.nginx)}/v1` : null,
    bare: url(port.bare),
    dash150: url(port.dash150),
    dash10k: url(port.dash10k),
  });
  const httpSeconds = (Date.now() - began) / 1000;
  if (httpOnly) {
    for (const [what, measured, floor, target] of httpRows(http))
      console.log(`\n${what}\n  ${measured}\n  floor: ${floor}\n  ${target}`);
    console.log(`\nBENCHMARKS.md left as it is (--only http); the run took ${httpSeconds.toFixed(0)} s`);
  } else {
    const pages = await measurePages({
      rounds,
      dash150: url(port.dash150),
      dash10k: url(port.dash10k),
      dashHang: url(port.dashHang),
    });
    const seconds = (Date.now() - began) / 1000;
    const file = writeReport({ rounds, http, pages, seconds, buildSeconds, httpSeconds, nginx: nginx !== null });
    console.log(`wrote ${path.relative(ROOT, file)}; the whole run took ${seconds.toFixed(0)} s`);
  }
} finally {
  closeAgent();
  for (const closable of closables) await closable.close();
  for (const child of children.reverse()) stop(child);
  fs.rmSync(tmp, { recursive: true, force: true });
}
