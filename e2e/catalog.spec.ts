import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";
import { CatalogPage } from "./pages/catalog-page";
import { routerModelCount } from "./pages/fake-router";
import { QWEN, R1 } from "./pages/config-file";

/** "128K" -> 131072-ish; "—" -> null. Enough to check an order. */
function contextValue(text: string): number | null {
  const match = /^([\d.]+)([KM]?)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * (match[2] === "M" ? 1e6 : match[2] === "K" ? 1e3 : 1);
}

test.describe("catalog", () => {
  test("shows the live catalog from the router", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await expect(catalog.banner).toContainText("Live catalog");
    const { shown, total } = await catalog.counts();
    expect(total).toBeGreaterThan(100);
    expect(shown).toBe(total);
    // The built-in Kimi K2.5 is missing from the fake router's list.
    await catalog.searchFor("kimi k2.5");
    await expect(catalog.row("Kimi K2.5")).toContainText("not routed");
  });

  test("the banner counts the router's models, not the built-ins it does not serve", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    const served = await routerModelCount();
    expect((await catalog.counts()).total).toBe(served + 1);
    await expect(catalog.banner).toContainText(`Live catalog · ${served.toLocaleString("en-US")} models from`);
    await expect(catalog.banner).toContainText("1 more listed, not currently routed");
  });

  test("a search typed just before a reload is kept, to the last keystroke", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.search.pressSequentially("qwen3 8b");
    await page.reload();
    await expect(catalog.search).toHaveValue("qwen3 8b");
    await expect.poll(async () => (await catalog.names(1))[0]).toBe("Qwen3 8B");
  });

  test("a search with typos narrows the list and ranks the intended model first", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    const { total } = await catalog.counts();
    for (const [query, first] of [
      ["deepsek r1", "DeepSeek R1"],
      ["dpsk r1", "DeepSeek R1"],
      ["lama 70", "Llama 3.3 70B Instruct"],
    ] as const) {
      await catalog.searchFor(query);
      await expect.poll(async () => (await catalog.names(1))[0]).toBe(first);
      const { shown } = await catalog.counts();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(total / 4);
    }
    await catalog.searchFor("gem");
    await expect.poll(async () => (await catalog.names(1))[0]).toMatch(/^gemma/i);
  });

  test("filters narrow the list, show in the URL and clear", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    const { total } = await catalog.counts();
    await catalog.filter("Vision (image input)").check();
    await expect.poll(async () => (await catalog.counts()).shown).toBeLessThan(total);
    await expect(page).toHaveURL(/[?&]f=vision/);
    const rows = catalog.list.getByRole("listitem");
    const visible = Math.min(await rows.count(), 5);
    for (let i = 0; i < visible; i++) await expect(rows.nth(i)).toContainText("vision");

    await catalog.filter("Tool calling").check();
    const withTools = (await catalog.counts()).shown;
    await catalog.filters.getByRole("button", { name: /^Show all \d+ providers$/ }).click();
    await catalog.filters.getByRole("checkbox", { name: "groq" }).check();
    await expect(page).toHaveURL(/provider=groq/);
    await expect.poll(async () => (await catalog.counts()).shown).toBeLessThanOrEqual(withTools);

    await catalog.filters.getByRole("button", { name: /Clear filters/ }).click();
    await expect.poll(async () => (await catalog.counts()).shown).toBe(total);
    await expect(page).not.toHaveURL(/f=/);
  });

  test("sorts by context window, both directions, unknown last", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.sort.selectOption("context");
    await expect(page).toHaveURL(/sort=context/);
    const read = async () =>
      (await catalog.list.getByTestId("model-context").allTextContents()).slice(0, 8).map(contextValue);
    const largestFirst = await read();
    expect(largestFirst.every((value) => value !== null)).toBe(true);
    expect([...largestFirst].sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual(largestFirst);

    await page.getByRole("button", { name: /^Sort direction/ }).click();
    await expect(page).toHaveURL(/dir=asc/);
    await expect.poll(read).not.toEqual(largestFirst);
    const smallestFirst = await read();
    expect([...smallestFirst].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(smallestFirst);
  });

  test("keyboard: / to search, arrows to move, Enter to open, Escape to close", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await page.locator("body").press("/");
    await expect(catalog.search).toBeFocused();
    await page.keyboard.type("deepseek r1");
    await expect.poll(async () => (await catalog.names(2)).length).toBe(2);
    const [, second] = await catalog.names(2);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(catalog.details.getByRole("heading", { level: 2 })).toHaveText(second ?? "");
    await page.keyboard.press("Escape");
    await expect(catalog.details).toBeHidden();
    await expect(page).not.toHaveURL(/model=/);
  });

  test("the routing selector shows the backend picker only for a specific provider", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("deepseek r1");
    await catalog.open("DeepSeek R1");
    await expect(catalog.policy("Default")).toBeChecked();
    await expect(catalog.backendPicker).toBeHidden();
    await expect(catalog.resultingRef).toHaveText(R1);

    await catalog.policy("Specific provider").check();
    await expect(catalog.backendPicker).toBeVisible();
    const backends = catalog.backendPicker.getByRole("radio");
    expect(await backends.count()).toBeGreaterThan(1);
    await backends.nth(1).check();
    const provider = await backends.nth(1).getAttribute("value");
    await expect(catalog.resultingRef).toHaveText(`${R1}:${provider}`);
    await expect(page).toHaveURL(new RegExp(`via=${provider}`));

    for (const policy of ["Fastest", "Cheapest"] as const) {
      await catalog.policy(policy).check();
      await expect(catalog.backendPicker).toBeHidden();
      await expect(catalog.details).toContainText("the router picks the backend");
      await expect(catalog.resultingRef).toHaveText(`${R1}:${policy.toLowerCase()}`);
    }
    await catalog.policy("Preferred").check();
    await expect(catalog.backendPicker).toBeHidden();
    await expect(catalog.resultingRef).toHaveText(`${R1}:preferred`);
  });

  test("the view survives a reload: search, filters, sort and the open model", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto("", "?f=tools&sort=price");
    await expect(catalog.filter("Tool calling")).toBeChecked();
    await expect(catalog.sort).toHaveValue("price");
    await catalog.searchFor("qwen3");
    await catalog.open("Qwen3 8B");
    await catalog.policy("Cheapest").check();
    await expect(page).toHaveURL(/via=cheapest/);

    await page.reload();
    await expect(catalog.search).toHaveValue("qwen3");
    await expect(catalog.filter("Tool calling")).toBeChecked();
    await expect(catalog.sort).toHaveValue("price");
    await expect(catalog.details.getByRole("heading", { name: "Qwen3 8B", level: 2 })).toBeVisible();
    await expect(catalog.policy("Cheapest")).toBeChecked();
    await expect(catalog.resultingRef).toHaveText(`${QWEN}:cheapest`);
  });

  test("a favourite is pinned to the top and stays after a reload", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("qwen3 8b");
    await catalog.row("Qwen3 8B").getByRole("button", { name: "Favourite Qwen3 8B" }).click();
    await catalog.searchFor("");
    await expect.poll(async () => (await catalog.names(1))[0]).toBe("Qwen3 8B");
    // The search reaches the URL after a 300 ms pause in typing; reload only once it has.
    await expect(page).not.toHaveURL(/[?&]q=/);
    await page.reload();
    await expect.poll(async () => (await catalog.names(1))[0]).toBe("Qwen3 8B");
    const star = catalog.row("Qwen3 8B").getByRole("button", { name: "Favourite Qwen3 8B" });
    // The pressed state comes from localStorage, so it also shows the page is hydrated and listening.
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await page.waitForLoadState("networkidle");
    await star.click();
    await expect.poll(async () => (await catalog.names(1))[0]).not.toBe("Qwen3 8B");
  });

  test("a model starred from the keyboard keeps the focus as it moves to the top", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await page.waitForLoadState("networkidle");
    const name = (await catalog.names(5))[3] as string;
    const star = () => catalog.row(name).getByRole("button", { name: `Favourite ${name}` });
    await star().focus();
    await page.keyboard.press("Space");
    await expect.poll(async () => (await catalog.names(1))[0]).toBe(name);
    // Rows are slots: the one that had the focus now shows another model; the focus went with the starred one.
    await expect(star()).toBeFocused();
    await expect(star()).toHaveAttribute("aria-pressed", "true");
  });
});

test.describe("catalog without token and router", () => {
  test("says so plainly and shows the ten built-in models, without claiming what the router serves", async ({
    page,
  }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto(e2e.offline.url);
    await expect(catalog.banner).toContainText(
      "No token and no reachable router: showing the built-in catalog of 10 models",
    );
    await expect(catalog.banner.getByRole("link", { name: "Add a token" })).toHaveAttribute("href", "/onboarding");
    expect(await catalog.counts()).toEqual({ shown: 10, total: 10 });
    await expect(catalog.row("DeepSeek R1")).toContainText("—");
    // With no live list nobody knows what is routed: no "not routed" badge is shown.
    await expect(catalog.row("DeepSeek R1")).not.toContainText("not routed");
  });
});

test.describe("the token stays on the server", () => {
  test("never appears in the catalog's HTML or any API response", async ({ page }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      const body = await response.text().catch(() => "");
      bodies.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${body}`);
    });
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.banner.getByRole("button", { name: /Refresh/ }).click();
    await expect(catalog.banner.getByRole("button", { name: /Refresh/ })).toBeEnabled();
    await catalog.searchFor("deepseek r1");
    await catalog.open("DeepSeek R1");
    await catalog.policy("Specific provider").check();
    await page.waitForLoadState("networkidle");
    expect(await page.content()).not.toContain(FAKE_TOKEN);
    expect(bodies.some((body) => body.includes("/api/models"))).toBe(true);
    expect(bodies.some((body) => body.includes("/api/status"))).toBe(true);
    for (const body of bodies) expect(body).not.toContain(FAKE_TOKEN);
  });
});
