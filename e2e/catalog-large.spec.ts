/**
 * A catalog above 1,000 models: the page carries only the first screen of the view (the rest comes
 * from `/api/models`), and search, filter and sort then cover every model. Its own fake router with
 * 1,500 extra models and its own dashboard.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { e2e, FAKE_TOKEN, ports } from "./env";
import { CatalogPage } from "./pages/catalog-page";

const EXTRA_MODELS = 1500;
/** The server's first screen (app/page.tsx). */
const FIRST_SCREEN_ROWS = 40;
const port = ports.catalogLarge;
const url = `http://127.0.0.1:${port}`;

test.describe("catalog above 1,000 models", () => {
  let router: FakeRouter;
  let dashboard: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    router = await startFakeRouter({ token: FAKE_TOKEN, extraModels: EXTRA_MODELS });
    dashboard = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/e2e-dashboard.ts",
        String(port),
        path.join(e2e.tmp, "large"),
        router.url,
        FAKE_TOKEN,
      ],
      { cwd: e2e.root, env: { ...process.env, NEXT_DIST_DIR: e2e.distDir }, stdio: "ignore" },
    );
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);
    // A cold server's first discovery of 1,500 models can outlast the page's short wait for the router
    // (the built-in list shows meanwhile, by design): the test is about the live list, so it waits for it.
    await expect
      .poll(async () => ((await (await fetch(`${url}/api/models`)).json()) as { source?: string }).source, {
        timeout: 60_000,
      })
      .toBe("live");
  });
  test.afterAll(async () => {
    dashboard?.kill("SIGTERM");
    await router?.close();
  });

  test("the first screen comes with the page; search, filter and sort cover every model once the list is in", async ({
    page,
  }) => {
    const catalog = new CatalogPage(page);
    // The whole list is held back: what shows meanwhile came in the page itself.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/models", async (route) => {
      await released;
      await route.continue();
    });
    const errors: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await catalog.goto(url);
    const served = router.modelCount;
    expect(served).toBeGreaterThan(EXTRA_MODELS);
    // The counts are the whole catalog's (worked out on the server), not the first screen's.
    expect(await catalog.counts()).toEqual({ shown: served + 1, total: served + 1 });
    await expect(catalog.banner).toContainText(`Live catalog · ${served.toLocaleString("en-US")} models from`);
    await expect(catalog.banner).toContainText("1 more listed, not currently routed");
    const firstScreen = await catalog.names(FIRST_SCREEN_ROWS + 1);
    expect(firstScreen.length).toBeGreaterThan(0);
    expect(firstScreen.length).toBeLessThanOrEqual(FIRST_SCREEN_ROWS);
    // The page itself carries those rows only, not the whole list.
    const html = await (await page.request.get(url)).text();
    expect(html).toContain(`>${firstScreen[0]}<`);
    expect(html).not.toContain(`Synthetic-Model-${EXTRA_MODELS}-`);

    release();
    // Search, filter and sort of a large catalog run in a worker (without one the page would do it itself).
    await expect.poll(() => page.workers().length).toBe(1);
    // The last synthetic model: nowhere near the first screen.
    const last = `Synthetic Model ${EXTRA_MODELS} `;
    expect(firstScreen.filter((name) => name.startsWith(last))).toEqual([]);
    await catalog.searchFor(`synthetic model ${EXTRA_MODELS}`);
    await expect.poll(async () => (await catalog.names(1))[0]).toMatch(new RegExp(`^${last}`));

    await catalog.searchFor("");
    await catalog.filter("Vision (image input)").check();
    // Every seventh synthetic model takes images: far more than a first screen holds.
    await expect.poll(async () => (await catalog.counts()).shown).toBeGreaterThan(EXTRA_MODELS / 7);
    expect((await catalog.counts()).shown).toBeLessThan(served);

    await catalog.sort.selectOption("name");
    await page.getByRole("button", { name: /^Sort direction/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect.poll(async () => (await catalog.names(1))[0]).not.toBe(firstScreen[0]);
    const descending = await catalog.names(8);
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    expect([...descending].sort((a, b) => collator.compare(b, a))).toEqual(descending);
    expect(firstScreen).not.toContain(descending[0]);
    expect(errors).toEqual([]);
  });
});
