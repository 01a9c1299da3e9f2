/** What a user feels, measured in Chromium: first row, keystrokes, scrolling, first-load JS. */
import zlib from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";

/** Marks, inside the page, when the first catalog row enters the DOM, and the first contentful paint. */
const FIRST_ROW_SCRIPT = `new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="model-name"]')) {
    window.__firstRow = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export interface FirstPaint {
  firstRowMs: number;
  fcpMs: number;
}

/** Navigation start → first catalog row in the DOM, and → first contentful paint, in a fresh context. */
export async function firstRow(browser: Browser, url: string): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_ROW_SCRIPT);
    await page.goto(url);
    await page.getByTestId("model-name").first().waitFor({ timeout: 120_000 });
    return await page.evaluate(() => ({
      firstRowMs: (window as unknown as { __firstRow: number }).__firstRow,
      fcpMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    }));
  } finally {
    await context.close();
  }
}

/** Installs the keystroke probe: keydown → the list shows that query (or, for a bare input, the next frame) → painted. */
const PROBE_SCRIPT = `(() => {
  const state = { t0: null, samples: [] };
  window.__bench = state;
  const input = document.querySelector("input[type=search]");
  const section = document.querySelector("[data-rendered-query]");
  const bare = document.createElement("input");
  bare.setAttribute("aria-label", "bare input");
  bare.style.cssText = "position:fixed;top:0;right:0;z-index:99;width:120px";
  document.body.append(bare);
  const done = () => {
    const t0 = state.t0;
    state.t0 = null;
    requestAnimationFrame(() => setTimeout(() => state.samples.push(performance.now() - t0), 0));
  };
  for (const el of [input, bare]) el.addEventListener("keydown", () => (state.t0 = performance.now()), true);
  bare.addEventListener("input", () => state.t0 !== null && done());
  new MutationObserver(() => {
    if (state.t0 === null || section.getAttribute("data-rendered-query") !== input.value) return;
    done();
  }).observe(section, { attributes: true, attributeFilter: ["data-rendered-query"] });
})()`;

async function typeAll(page: Page, target: string, queries: string[]): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __bench: { samples: number[] } }).__bench.samples = []));
  await page.locator(target).focus();
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
  return page.evaluate(() => (window as unknown as { __bench: { samples: number[] } }).__bench.samples);
}

/** Scrolls the list 400 px per frame for 240 frames; frame intervals. A string: tsx would wrap named functions. */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const scroller = document.querySelector("[data-catalog-scroller]");
  const frames = [];
  let last = performance.now();
  const step = (now) => {
    frames.push(now - last);
    last = now;
    scroller.scrollTop += 400;
    if (frames.length < 240) requestAnimationFrame(step);
    else resolve(frames.slice(1));
  };
  requestAnimationFrame(step);
})`;

/** Idle frames in the same page: the frame interval this browser manages with nothing to do. */
const IDLE_FRAMES_SCRIPT = `new Promise((resolve) => {
  const frames = [];
  let last = performance.now();
  const step = (now) => {
    frames.push(now - last);
    last = now;
    if (frames.length < 120) requestAnimationFrame(step);
    else resolve(frames.slice(1));
  };
  requestAnimationFrame(step);
})`;

export interface Interaction {
  keys: number[];
  bareKeys: number[];
  scrollFrames: number[];
  idleFrames: number[];
}

export async function interaction(browser: Browser, url: string, queries: string[]): Promise<Interaction> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    // A large catalog's page shows its first screen before the whole list arrives: type once it is in
    // and the browser has been idle (the search index is built then).
    await page.locator("[data-catalog-loaded]").waitFor({ state: "attached", timeout: 120_000 });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
    await page.evaluate(PROBE_SCRIPT);
    // Query by query, the bare input and the search box take turns (each going first every other query),
    // so a burst of load elsewhere on the machine falls on both sides of the ratio alike.
    const keys: number[] = [];
    const bareKeys: number[] = [];
    for (const [index, query] of queries.entries()) {
      const turns: [string, number[]][] = [
        ["input[aria-label='bare input']", bareKeys],
        ["input[type=search]", keys],
      ];
      if (index % 2 === 1) turns.reverse();
      for (const [target, samples] of turns) samples.push(...(await typeAll(page, target, [query])));
    }
    const idleFrames = (await page.evaluate(IDLE_FRAMES_SCRIPT)) as number[];
    const scrollFrames = (await page.evaluate(SCROLL_SCRIPT)) as number[];
    return { keys, bareKeys, scrollFrames, idleFrames };
  } finally {
    await context.close();
  }
}

/** The scripts a page's HTML loads at once, and their size gzipped (what `next start` sends). */
export async function firstLoadJs(base: string, route: string): Promise<{ scripts: string[]; bytes: number }> {
  const html = await (await fetch(`${base}${route}`)).text();
  // `noModule` scripts (Next's polyfills, ~39 KB gzip) are never loaded by a browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/\snoModule/i.test(m[0]));
  const scripts = [...new Set(tags.map((m) => m[1] ?? ""))];
  let bytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += zlib.gzipSync(body, { level: 6 }).length;
  }
  return { scripts, bytes };
}

/** gzip size of scripts that every page loads: Next + React's own share, the floor of first-load JS. */
export async function sharedJs(base: string, lists: string[][]): Promise<number> {
  const [first = [], ...rest] = lists;
  let bytes = 0;
  for (const src of first.filter((s) => rest.every((list) => list.includes(s)))) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += zlib.gzipSync(body, { level: 6 }).length;
  }
  return bytes;
}
