/**
 * `npm run bench` writes BENCHMARKS.md: every figure of "Speed at the limit" beside its floor,
 * measured in the same run on this machine (loopback only), and prints how long the whole run took
 * (build included). Asserts nothing.
 *
 *   npm run bench -- [--rounds 3] [--port 3600] [--only http|pages|keys]
 *
 * `--only http` measures the server figures alone (gateway, `/api/models`), `--only pages` the
 * browser figures alone and `--only keys` only the keystrokes and scrolling at 10,000 models (a few
 * rounds in about a minute once built): each prints its figures and leaves BENCHMARKS.md alone.
 *
 * Builds into NEXT_DIST_DIR (default .next-bench) when missing or stale; starts two
 * fake routers (150 and 10,000 models), a router that never answers, three dashboards, a bare Node
 * server, a bare Node proxy and nginx (when installed) on ports port..port+30, and stops them all at the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeAgent } from "./bench-lib/http-bench";
import { bareNode, bareNodeProxy, hangingRouter, nginxProxy, type Closable } from "./bench-lib/floors";
import { ROOT, start, stop, waitFor } from "./bench-lib/procs";
import { measureHttp } from "./bench-lib/speed-http";
import { measurePages } from "./bench-lib/speed-pages";
import { httpRows, writeReport } from "./bench-lib/speed-report";
import { PROXY_FLOOR_ENV } from "@/lib/server/bench/proxy-floor-env";
import { buildIfNeeded } from "./lib";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: process.env.E2E_PORT_BASE ?? "3600" },
    only: { type: "string" },
  },
});
const only = values.only;
if (only !== undefined && only !== "http" && only !== "pages" && only !== "keys") {
  console.error(`--only takes "http", "pages" or "keys", not "${only}"`);
  process.exit(2);
}
const rounds = Number(values.rounds);
const base = Number(values.port);
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
  nodeProxy: base + 22,
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
  closables.push(
    await hangingRouter(port.hang),
    await bareNode(port.bare),
    await bareNodeProxy(port.nodeProxy, url(port.router150)),
  );
  const nginx = await nginxProxy(port.nginx, `127.0.0.1:${port.router150}`, path.join(tmp, "nginx"));
  if (nginx) closables.push(nginx);
  children.push(
    // With the trivial proxy route switched on: Next's floor for a proxy route (lib/server/bench/proxy-floor.ts).
    dashboard(port.dash150, `${url(port.router150)}/v1`, { [PROXY_FLOOR_ENV]: "1" }),
    dashboard(port.dash10k, `${url(port.router10k)}/v1`),
    // The router never answers; the dashboard would wait this long for it.
    dashboard(port.dashHang, `${url(port.hang)}/v1`, { ROUTER_TIMEOUT_MS: "600000" }),
  );
  for (const p of [port.dash150, port.dash10k, port.dashHang]) await waitFor(`${url(p)}/api/health`);
  // Both live lists in, before anything is timed (again if a loaded machine cut the first try).
  for (const dash of [port.dash150, port.dash10k]) await refreshed(`${url(dash)}/api/models?refresh=1`);

  if (only === "http") {
    const http = await measureHttp(httpTargets(nginx ? `${url(port.nginx)}/v1` : null));
    for (const [what, measured, floor, target] of httpRows(http))
      console.log(`\n${what}\n  ${measured}\n  floor: ${floor}\n  ${target}`);
    console.log(
      `\nBENCHMARKS.md left as it is (--only http); the run took ${((Date.now() - began) / 1000).toFixed(0)} s`,
    );
  } else if (only) {
    const pages = await measurePages({
      rounds,
      dash150: url(port.dash150),
      dash10k: url(port.dash10k),
      dashHang: url(port.dashHang),
      keysOnly: only === "keys",
    });
    console.log(JSON.stringify(pages, null, 2));
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `keystroke p95 ÷ bare input p95: ${ratio(pages.keyP95.median, pages.bareKeyP95.median)}; ` +
        `scroll frame p95 ÷ 16.7 ms: ${ratio(pages.scrollP95.median, 1000 / 60)} ` +
        `(idle frames of the same page at p95: ${pages.idleFrameP95.median.toFixed(1)} ms)`,
    );
  } else {
    await measureAll(nginx ? `${url(port.nginx)}/v1` : null);
  }
} finally {
  closeAgent();
  for (const closable of closables) await closable.close();
  await Promise.all(children.reverse().map(stop));
  // A dashboard's usage ledger closes as its server exits: retry while its files are still going.
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

function httpTargets(nginx: string | null) {
  return {
    rounds,
    token: TOKEN,
    direct: `${url(port.router150)}/v1`,
    nginx,
    bare: url(port.bare),
    nodeProxy: `${url(port.nodeProxy)}/v1`,
    dash150: url(port.dash150),
    dash10k: url(port.dash10k),
  };
}

async function measureAll(nginx: string | null): Promise<void> {
  const http = await measureHttp(httpTargets(nginx));
  const httpSeconds = (Date.now() - began) / 1000;
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
