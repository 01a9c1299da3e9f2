/** The catalog's actions and names as the OpenClaw config file holds them (README, "The OpenClaw config file"). */
import { expect, test } from "@playwright/test";
import { e2e } from "./env";
import { CatalogPage } from "./pages/catalog-page";
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
