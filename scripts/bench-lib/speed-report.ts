/** Writes BENCHMARKS.md from the figures of scripts/bench-speed.ts. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { STEADY_SAMPLES, STEADY_WARM_PASSES, TTFB_SAMPLES, type HttpFigures } from "./speed-http";
import type { PageFigures } from "./speed-pages";
import { ROOT } from "./procs";
import { changesBought } from "./speed-changes";
import { kb, show, type Figure } from "./stats";

export interface Report {
  rounds: number;
  http: HttpFigures;
  pages: PageFigures;
  /** The whole run, the build alone (0 when the build was fresh) and until the browser part began. */
  seconds: number;
  buildSeconds: number;
  httpSeconds: number;
  nginx: boolean;
}

const ms = (f: Figure) => show(f, "ms");
const x = (f: Figure) => show(f, "×", 2);
const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

function chromiumVersion(): string {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return "Chromium (version unknown)";
  }
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}`,
    `Node ${process.version}, ${chromiumVersion()}; load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} (the machine is shared: the ratios are what counts)`,
  ].join("\n- ");
}

/** The rows of the server-side figures (also printed alone by `npm run bench -- --only http`). */
export function httpRows(http: HttpFigures): string[][] {
  // The gateway's chat routes are Pages API routes that proxy: their floor is Next's trivial Pages API
  // route doing only that (lib/server/bench/proxy-floor.ts); `/api/ping` answers by itself.
  const within = (gateway: Figure, floor: Figure) => verdict(gateway.median <= floor.median + 0.5);
  const m150 = http.models.at150;
  const m10k = http.models.at10k;
  return [
    [
      `gateway, added time to first streamed byte (${TTFB_SAMPLES} interleaved samples per round, ${STEADY_SAMPLES} in the steady state)`,
      `+${ms(http.added.gateway)} (gateway ${ms(http.ttfb.gateway)} vs direct ${ms(http.ttfb.direct)}); ` +
        `steady state (after ${STEADY_WARM_PASSES.toLocaleString("en")} more unmeasured passes): +${ms(http.steady.gateway)}`,
      `Next's trivial Pages API route \`/api/ping\` (the gateway's route kind) over bare Node: +${ms(http.added.pagesFloor)}; ` +
        `its trivial App Router route \`/api/health\`: +${ms(http.added.nextFloor)}; ` +
        `a bare Node proxy (no checks, one more Node hop) in front of the same upstream: +${ms(http.added.nodeProxy)}` +
        (http.added.nginx
          ? `; nginx in front of the same upstream: +${ms(http.added.nginx)}`
          : "; nginx not installed") +
        `; steady state: \`/api/ping\` +${ms(http.steady.pagesFloor)}, bare Node proxy +${ms(http.steady.nodeProxy)}`,
      `≤ Next's floor + 0.5 ms. Next's floor for a proxy route, its trivial Pages API route that only pipes the ` +
        `request to the router and the answer back (\`/api/floor\`, no checks): +${ms(http.added.nextProxy)}, ` +
        `steady state +${ms(http.steady.nextProxy)}; against it a fresh server ${within(http.added.gateway, http.added.nextProxy)}, ` +
        `steady state ${within(http.steady.gateway, http.steady.nextProxy)}. Against \`/api/ping\` (a route that ` +
        `answers by itself, no second connection): a fresh server ${within(http.added.gateway, http.added.pagesFloor)}, ` +
        `steady state ${within(http.steady.gateway, http.steady.pagesFloor)}`,
    ],
    [
      "gateway, 300 concurrent streams, median total time",
      `${ms(http.streams300.gateway)} vs direct ${ms(http.streams300.direct)}: ${x(http.streams300.ratio)}`,
      "direct",
      `≤ 1.5× direct: ${verdict(http.streams300.ratio.median <= 1.5)}`,
    ],
    [
      "`/api/models` throughput, warm (8 keep-alive connections)",
      `10,000 models: full body (${m10k.sentEncoding}, compressed once) ${show(m10k.modelsRps, "req/s", 0)} = ${x(m10k.ratio)}; revalidation (\`If-None-Match\` → ${m10k.notModified}) ${show(m10k.revalidateRps, "req/s", 0)} = ${x(m10k.revalidateRatio)}. 150 models: ${x(m150.ratio)} / ${x(m150.revalidateRatio)}`,
      `\`/api/health\`: ${show(m10k.healthRps, "req/s", 0)}`,
      `≥ 0.8× at 10,000 and 304: full body ${verdict(m10k.ratio.median >= 0.8)}, revalidation ${verdict(m10k.revalidateRatio.median >= 0.8 && m10k.notModified === 304)}`,
    ],
  ];
}

function table(r: Report): string {
  const { http, pages } = r;
  const m10k = http.models.at10k;
  const maxJs = Math.max(...pages.js.map((j) => j.bytes));
  const rows = [
    ...httpRows(http),
    [
      "catalog, navigation → first row (median of 3 per round)",
      `150 models: ${ms(pages.firstRow150)}; 10,000 models: ${ms(pages.firstRow10k)} = ${(pages.firstRow10k.median / pages.firstRow150.median).toFixed(2)}×; at 150 the first row is ${x(pages.rowOverFcp150)} FCP`,
      `the same page at 150 models; FCP at 150: ${ms(pages.fcp150)}`,
      `≤ 1.5× and ≤ 1.2× FCP: ${verdict(pages.firstRow10k.median <= 1.5 * pages.firstRow150.median && pages.rowOverFcp150.median <= 1.2)}`,
    ],
    [
      "keystroke → list painted, 10,000 models, p95",
      ms(pages.keyP95),
      `a bare input in the same page: ${ms(pages.bareKeyP95)}`,
      `≤ 2× the bare input: ${verdict(pages.keyP95.median <= 2 * pages.bareKeyP95.median)}`,
    ],
    [
      "scroll 400 px a frame, frame time p95, 10,000 models",
      ms(pages.scrollP95),
      `an idle frame in the same page (median): ${ms(pages.idleFrameMedian)}`,
      `≤ 1.2× a frame: ${verdict(pages.scrollP95.median <= 1.2 * pages.idleFrameMedian.median)}`,
    ],
    [
      "`/api/models` bytes at 10,000 models",
      `${(m10k.raw / 1e6).toFixed(2)} MB raw, **${kb(m10k.sent)} sent** (${m10k.sentEncoding}); ${kb(m10k.gzip)} to a client without brotli (gzip by \`next start\`) (${m10k.count.toLocaleString("en-US")} models)`,
      `the expanded shape sent before: ${(m10k.expandedRaw / 1e6).toFixed(2)} MB raw, ${kb(m10k.expandedGzip)} gzip`,
      `≤ 150 KB: ${verdict(m10k.sent <= 150 * 1024)}`,
    ],
    [
      "router hangs: navigation → first row",
      ms(pages.firstRowHang),
      `healthy router (150 models): ${ms(pages.firstRow150)}`,
      `≤ 1.5× healthy: ${verdict(pages.firstRowHang.median <= 1.5 * pages.firstRow150.median)}`,
    ],
    [
      "first-load JS (gzip)",
      pages.js.map((j) => `\`${j.route}\` ${kb(j.bytes)}`).join(", "),
      `scripts every page shares (Next + React + layout): ${kb(pages.sharedJs)}`,
      `every page ≤ 250 KB: ${verdict(maxJs <= 250 * 1024)}`,
    ],
  ];
  return [
    "| what | measured | the floor, same run | target |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function writeReport(report: Report): string {
  const file = path.join(ROOT, "BENCHMARKS.md");
  const text = `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench-speed.ts\`); do not edit by hand. Figures are medians with
their range (min–max) over ${report.rounds} rounds, each beside its floor measured in the same run.

## Machine

- ${machine()}
- whole run: ${report.seconds.toFixed(0)} s (build ${report.buildSeconds.toFixed(0)} s, servers and HTTP figures until ${report.httpSeconds.toFixed(0)} s, then the browser)

## Method

- A production build (\`next build\`, \`next start\`), loopback only. Two fake routers
  (\`test/fake-router\`): the usual list (~150 models) and the same plus 10,000 generated ones; a
  third "router" accepts connections and never answers. One dashboard on each (the hanging one with
  \`ROUTER_TIMEOUT_MS=600000\`), a bare Node \`http\` server answering \`{"ok":true}\`, and
  ${report.nginx ? "nginx (one worker, unbuffered, keep-alive upstream)" : "no nginx (not installed)"} in front of the 150-model fake router.
- Time to first byte: the clock stops at the first body byte. Streamed chat requests with
  \`max_tokens: 1\` (a handful of events; the rest is read untimed, so every keep-alive connection is
  reused as a client's is) straight to the fake router, through nginx, through a bare Node proxy (a
  \`node:http\` server piping to the router over a keep-alive agent), through Next's trivial proxy
  route (\`/api/floor/chat/completions\` on the same dashboard: a Pages API route that only pipes the
  request to the router and the answer back, on only in the bench) and through
  \`/api/v1/chat/completions\`, and \`GET\` of the bare Node server, of \`/api/health\` (an App Router
  route handler) and of \`/api/ping\` (a Pages API route, the kind the gateway's chat routes are;
  both answer \`{"ok":true}\`), interleaved: each pass sends one request to each target back to back,
  in a new seeded random order each pass, ${TTFB_SAMPLES} passes per round after 5 warm-up ones (a server that has just
  started), then rounds of ${STEADY_SAMPLES} passes after ${STEADY_WARM_PASSES.toLocaleString("en")} more unmeasured passes (the steady state: every target's code optimised by V8). "Added" is the median of
  the pairwise differences within a pass (gateway, nginx, bare Node proxy and trivial proxy route − direct, \`/api/health\`
  and \`/api/ping\` − bare Node), so a burst of load elsewhere on the machine hits both sides of a
  difference alike.
- 300 concurrent streams: whole streams (~80 events, 15 ms apart), all at once, straight and through the
  gateway; median time to the end of each stream.
- \`/api/models\`: 8 keep-alive connections looping for 2 s, alternating with \`/api/health\`, each sending
  Chromium's \`Accept-Encoding\` (\`gzip, deflate, br, zstd\`); bytes are what that request receives.
- Browser: headless Chromium (\`/usr/bin/chromium\`), 1440×900, a fresh context per navigation. First
  row = a MutationObserver sees the first \`model-name\` cell; FCP from the Paint Timing API.
  Keystrokes: "deepsek r1", "lama 70", "qwen", "gpt oss 120b", "glm 4.7", "qwen3 coder", each then
  cleared (57 keys a round, p95 = the 3rd-worst); keydown → the list shows that query → next frame
  painted (rAF + task); the same keys into a bare \`<input>\` added to the same page are the floor,
  typed query by query in turns with the search box (each going first every other query). Scrolling: 400 px per frame for 240 frames; the floor is the median idle frame.
- First-load JS: the scripts in each page's HTML that a module-capable browser loads (not Next's \`noModule\` polyfills),
  gzipped (level 6, as \`next start\` sends them).

## Figures

${table(report)}

## What each change bought

${changesBought(report.http.models.at10k)}`;
  fs.writeFileSync(file, text);
  return file;
}
