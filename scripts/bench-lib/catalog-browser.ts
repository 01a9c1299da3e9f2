/**
 * The in-browser half of scripts/bench-catalog.ts: a fake router with 10,000 extra models, a
 * dashboard on it, and Chromium timing what a user feels. Every process it starts, it stops.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TOKEN = "hf_fake_bench_token_0000";

function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  // Own process group, so stopping it also stops the children it spawned (tsx, next).
  return spawn(command, args, { cwd: ROOT, env, detached: true, stdio: "ignore" });
}

function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

async function waitFor(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
const pct = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * p))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Marks, inside the page, when the first catalog row enters the DOM (not when a poll notices it). */
const FIRST_ROW_SCRIPT = `new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="model-name"]')) {
    window.__firstRow = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

async function firstRender(page: Page, url: string): Promise<number> {
  await page.addInitScript(FIRST_ROW_SCRIPT);
  await page.goto(url);
  await page.getByTestId("model-name").first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
}

/** Keystroke -> the list shows that query, painted (rAF + task after the commit). */
async function keystrokes(page: Page, queries: string[]): Promise<{ updated: number[]; painted: number[] }> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("input[type=search]");
    const section = document.querySelector("[data-rendered-query]");
    if (!input || !section) throw new Error("catalog not rendered");
    const state = { t0: null as number | null, samples: [] as number[], paints: [] as number[] };
    (window as unknown as { __bench: typeof state }).__bench = state;
    // Event Timing: keydown -> next paint (the typed character shows), what INP measures.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "keydown") state.paints.push(entry.duration);
    }).observe({ type: "event", durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    input.addEventListener("keydown", () => (state.t0 = performance.now()), true);
    new MutationObserver(() => {
      if (state.t0 === null || section.getAttribute("data-rendered-query") !== input.value) return;
      const t0 = state.t0;
      state.t0 = null;
      requestAnimationFrame(() => setTimeout(() => state.samples.push(performance.now() - t0), 0));
    }).observe(section, { attributes: true, attributeFilter: ["data-rendered-query"] });
  });
  const search = page.getByRole("searchbox", { name: "Search models" });
  await search.focus();
  let expected = 0;
  const waitSample = () =>
    page.waitForFunction(
      (n) => (window as unknown as { __bench: { samples: number[] } }).__bench.samples.length >= n,
      expected,
    );
  for (const query of queries) {
    for (const char of query) {
      await page.keyboard.press(char === " " ? "Space" : char);
      expected++;
      await waitSample();
    }
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    expected++;
    await waitSample();
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const { samples, paints } = (window as unknown as { __bench: { samples: number[]; paints: number[] } }).__bench;
    return { updated: samples, painted: paints };
  });
}

/**
 * Scrolls the list 400 px per frame for 240 frames; returns frame intervals and the DOM row count.
 * Passed as a string: tsx would wrap named functions in a helper the page does not have.
 */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const scroller = document.querySelector("[data-catalog-scroller]");
  const frames = [];
  let last = performance.now();
  let rows = 0;
  const step = (now) => {
    frames.push(now - last);
    last = now;
    scroller.scrollTop += 400;
    rows = Math.max(rows, document.querySelectorAll("[role=listitem]").length);
    if (frames.length < 240) requestAnimationFrame(step);
    else resolve({ frames: frames.slice(1), rows });
  };
  requestAnimationFrame(step);
})`;

async function scrolling(page: Page): Promise<{ frames: number[]; rows: number }> {
  return page.evaluate(SCROLL_SCRIPT) as Promise<{ frames: number[]; rows: number }>;
}

export async function browserBench({ port, runs }: { port: number; runs: number }): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID")))
    throw new Error(`no build in ${distDir}: run next build first`);
  const routerPort = port + 1;
  const routerUrl = `http://127.0.0.1:${routerPort}/v1`;
  const url = `http://127.0.0.1:${port}`;
  const stateDir = path.join(ROOT, ".tmp", "bench-catalog");
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const children = [
    start(tsx, ["test/fake-router/main.ts", "--port", String(routerPort), "--token", TOKEN, "--extra", "10000"]),
  ];
  try {
    await waitFor(`http://127.0.0.1:${routerPort}/health`);
    children.push(
      start(
        process.execPath,
        ["--import", "tsx", "scripts/e2e-dashboard.ts", String(port), stateDir, routerUrl, TOKEN],
        {
          ...process.env,
          NEXT_DIST_DIR: distDir,
        },
      ),
    );
    await waitFor(`${url}/api/health`);
    const refreshed = await (await fetch(`${url}/api/models?refresh=1`)).text();
    const apiTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const begin = performance.now();
      await (await fetch(`${url}/api/models`)).arrayBuffer();
      apiTimes.push(performance.now() - begin);
    }
    const modelCount = (JSON.parse(refreshed) as { models: unknown[] }).models.length;
    console.log(
      `\nbrowser (Chromium headless), dashboard on a fake router with ${modelCount.toLocaleString("en-US")} models`,
    );
    console.log(`  GET /api/models: ${(refreshed.length / 1e6).toFixed(1)} MB, median ${ms(median(apiTimes))}`);

    const browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const renders: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        renders.push(await firstRender(await context.newPage(), url));
        await context.close();
      }
      console.log(
        `  first list render after navigation start: median ${ms(median(renders))} (${renders.map(ms).join(", ")})`,
      );

      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await firstRender(page, url);
      const { updated, painted } = await keystrokes(page, ["deepsek r1", "lama 70", "qwen"]);
      // Event Timing rounds to 8 ms and skips events under 16 ms: count those as 16.
      const paints = [...painted, ...Array<number>(Math.max(0, updated.length - painted.length)).fill(16)];
      console.log(
        `  keystroke -> character painted (Event Timing, ${updated.length} keys): median ${ms(median(paints))}, p95 ${ms(pct(paints, 0.95))}`,
      );
      console.log(
        `  keystroke -> list updated and painted: median ${ms(median(updated))}, p95 ${ms(pct(updated, 0.95))}, max ${ms(Math.max(...updated))}`,
      );
      const { frames, rows } = await scrolling(page);
      const slow = frames.filter((frame) => frame > 33.4).length;
      console.log(
        `  scrolling 400 px/frame over ${frames.length} frames: median frame ${ms(median(frames))}, p95 ${ms(pct(frames, 0.95))}, ${slow} frames over 33 ms; at most ${rows} rows in the DOM`,
      );
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    for (const child of children.reverse()) stop(child);
  }
}
