import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";
import { CatalogPage } from "./pages/catalog-page";
import { routerModelCount } from "./pages/fake-router";
import {
  KNOWN_CONFIG,
  modelSettingsOf,
  QWEN,
  R1,
  readConfig,
  readConfigText,
  removeConfig,
  writeConfig,
} from "./pages/config-file";

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
});

test.describe("catalog actions write the OpenClaw config", () => {
  test.beforeEach(() => writeConfig(e2e.live.stateDir, KNOWN_CONFIG));
  test.afterEach(() => removeConfig(e2e.live.stateDir));

  test("set as primary, add to fallbacks and set an alias", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("qwen3 8b");
    await catalog.open("Qwen3 8B");

    await catalog.details.getByRole("button", { name: "Set as primary" }).click();
    await expect(catalog.details.getByRole("status").filter({ hasText: "Primary model set" })).toBeVisible();
    expect(modelSettingsOf(readConfig(e2e.live.stateDir)).primary).toBe(QWEN);
    await expect(catalog.row("Qwen3 8B")).toContainText("Primary");
    // A disabled button says why it is disabled.
    const already = catalog.details.getByRole("button", { name: "Already the primary model" });
    await expect(already).toBeDisabled();
    await expect(already).toHaveAccessibleDescription(/is OpenClaw's primary model, so it can't also be a fallback/);

    await catalog.policy("Cheapest").check();
    await catalog.details.getByRole("button", { name: "Add to fallbacks" }).click();
    await expect(catalog.details.getByRole("status").filter({ hasText: "Added to the fallbacks" })).toBeVisible();
    expect(modelSettingsOf(readConfig(e2e.live.stateDir)).fallbacks).toEqual([`${QWEN}:cheapest`]);
    await expect(catalog.row("Qwen3 8B")).toContainText("Fallback 1");

    await catalog.policy("Default").check();
    await catalog.details.getByRole("textbox", { name: /^Alias for/ }).fill("small qwen");
    await catalog.details.getByRole("button", { name: "Set alias" }).click();
    await expect(catalog.details.getByRole("status").filter({ hasText: 'Alias set to "small qwen"' })).toBeVisible();

    const settings = modelSettingsOf(readConfig(e2e.live.stateDir));
    expect(settings).toEqual({
      primary: QWEN,
      fallbacks: [`${QWEN}:cheapest`],
      aliases: { [R1]: "R1", [QWEN]: "small qwen" },
    });
    // The rest of the hand-written file is untouched.
    const text = readConfigText(e2e.live.stateDir);
    expect(text).toContain("// Written by the e2e tests");
    expect(text).toContain("gateway: { port: 18789 }, // not the dashboard's");
    // The catalog shows the alias at once, with the real name beside it.
    await catalog.searchFor("small qwen");
    await expect(catalog.row("small qwen")).toContainText("Qwen3 8B");
  });

  test("a change made on disk after the page opened is kept", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("deepseek r1");
    await catalog.open("R1"); // KNOWN_CONFIG gives DeepSeek R1 the alias "R1"
    // Someone edits the file after the page loaded its settings.
    writeConfig(
      e2e.live.stateDir,
      KNOWN_CONFIG.replace(`model: { primary: "${R1}" }`, `model: { primary: "${R1}", fallbacks: ["${QWEN}"] }`),
    );
    await catalog.policy("Fastest").check();
    await catalog.details.getByRole("button", { name: "Add to fallbacks" }).click();
    await expect(catalog.details.getByRole("status").filter({ hasText: "Added to the fallbacks" })).toBeVisible();
    expect(modelSettingsOf(readConfig(e2e.live.stateDir)).fallbacks).toEqual([QWEN, `${R1}:fastest`]);
  });
});

test.describe("model names", () => {
  test.afterEach(() => removeConfig(e2e.live.stateDir));

  test("an alias equal to the model's name is shown once", async ({ page }) => {
    writeConfig(
      e2e.live.stateDir,
      `{ agents: { defaults: { model: "${R1}", models: { "${R1}": { alias: "DeepSeek R1" } } } } }\n`,
    );
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("deepseek r1");
    const row = catalog.row("DeepSeek R1");
    await expect(row).toBeVisible();
    expect(((await row.textContent()) ?? "").split("DeepSeek R1")).toHaveLength(2);
    await catalog.open("DeepSeek R1");
    await expect(catalog.details.getByRole("heading", { level: 2 })).toHaveText("DeepSeek R1");
    await expect(catalog.details.locator("header")).not.toContainText("DeepSeek R1DeepSeek R1");
  });

  test("one rule everywhere: the alias, with the config's name beside it", async ({ page }) => {
    writeConfig(
      e2e.live.stateDir,
      `{
  agents: { defaults: { model: "${QWEN}", models: { "${QWEN}": { alias: "Qwen" } } } },
  models: { providers: { huggingface: { models: [{ id: "Qwen/Qwen3-8B", name: "My Qwen" }] } } },
}
`,
    );
    const catalog = new CatalogPage(page);
    await catalog.goto();
    await catalog.searchFor("my qwen");
    await expect(catalog.row("Qwen")).toContainText("My Qwen");
    await catalog.open("Qwen");
    await expect(catalog.details.getByRole("heading", { level: 2 })).toHaveText("Qwen");
    await expect(catalog.details.locator("header")).toContainText("My Qwen");

    await page.goto(`${e2e.live.url}/settings`);
    await expect(page.getByText("Qwen · My Qwen", { exact: true })).toBeVisible();

    await page.goto(`${e2e.live.url}/playground`);
    const picker = page.getByRole("combobox", { name: "Model" });
    await picker.fill("Qwen");
    await expect(page.getByRole("option").filter({ hasText: "Qwen" }).first()).toContainText("My Qwen");
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
