import { expect, test } from "@playwright/test";
import { e2e } from "./env";
import { CatalogPage } from "./pages/catalog-page";
import { reportLatency, watchArrival } from "./pages/latency";
import { KNOWN_CONFIG, LLAMA_8B, QWEN, R1, readConfigText, removeConfig, writeConfig } from "./pages/config-file";
import { SettingsPage } from "./pages/settings-page";

const stateDir = e2e.live.stateDir;

const withPrimary = (ref: string) =>
  KNOWN_CONFIG.replace(`model: { primary: "${R1}" }`, `model: { primary: "${ref}" }`);

test.describe("live reload", () => {
  test.beforeEach(() => writeConfig(stateDir, KNOWN_CONFIG));
  test.afterAll(() => removeConfig(stateDir));

  // The goal is a second from the write to the page; the tests measure it (README, "Live reload")
  // and assert only that the change arrives without a reload, since a loaded machine may be slower.
  test("an outside edit of the config file appears in an open settings page", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await expect(settings.primary).toHaveValue(R1);
    await settings.listening();

    await watchArrival(page, { input: settings.primary, value: QWEN });
    const start = Date.now();
    writeConfig(stateDir, withPrimary(QWEN));
    await expect(settings.primary).toHaveValue(QWEN);
    await reportLatency(page, start, "outside edit → settings page");
    await expect(settings.outsideBanner).toBeHidden();
    // The outside change is in the history too.
    await expect(settings.versions.nth(0)).toContainText("changed outside");
    await expect(settings.versions.nth(0)).toContainText("primary DeepSeek R1 → Qwen3 8B");
  });

  test("an outside alias appears in an open catalog", async ({ page }) => {
    const catalog = new CatalogPage(page);
    await catalog.goto(e2e.live.url);
    await catalog.searchFor("qwen3 8b");
    await expect(catalog.row("Qwen3 8B")).toBeVisible();
    await expect(page.locator("html[data-server-events=ready]")).toBeAttached();

    await watchArrival(page, { text: "Outside Qwen" });
    const start = Date.now();
    writeConfig(
      stateDir,
      KNOWN_CONFIG.replace(`"${R1}": {`, `"${QWEN}": { alias: "Outside Qwen" },\n        "${R1}": {`),
    );
    await expect(catalog.row("Outside Qwen")).toContainText("Qwen3 8B");
    await reportLatency(page, start, "outside alias → catalog page");
  });

  test("with unsaved edits an outside change shows a banner, the edits stay, and Compare shows the change", async ({
    page,
  }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await expect(settings.primary).toHaveValue(R1);
    await settings.listening();
    await settings.choosePrimary(LLAMA_8B);
    await expect(settings.saveState("Unsaved changes")).toBeVisible();

    writeConfig(stateDir, withPrimary(QWEN));
    await expect(settings.outsideBanner).toContainText("The config file changed outside the dashboard");
    await expect(settings.outsideBanner).toContainText("primary model");
    await expect(settings.primary).toHaveValue(LLAMA_8B);

    await settings.outsideBanner.getByRole("button", { name: "Compare" }).click();
    const change = settings.outsideBanner.getByRole("region", { name: "What changed on disk" });
    await expect(change).toContainText(`removed: model: { primary: "${R1}" }`);
    await expect(change).toContainText(`added: model: { primary: "${QWEN}" }`);

    // Keep editing: the edits stay; saving then meets the conflict dialog, which shows the lines too.
    await settings.outsideBanner.getByRole("button", { name: "Keep editing" }).click();
    await expect(settings.outsideBanner).toBeHidden();
    await expect(settings.primary).toHaveValue(LLAMA_8B);
    await settings.save();
    await expect(settings.conflictDialog).toBeVisible();
    await expect(settings.conflictDialog.getByRole("region", { name: "What changed on disk" })).toContainText(QWEN);
    await settings.conflictDialog.getByRole("button", { name: "Reload (discard my changes)" }).click();
    await expect(settings.primary).toHaveValue(QWEN);
    expect(readConfigText(stateDir)).toBe(withPrimary(QWEN));
  });

  test("Reload in the banner takes the file as it is now", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.listening();
    await settings.aliasInput(R1).fill("Mine");
    writeConfig(stateDir, withPrimary(QWEN));
    await settings.outsideBanner.getByRole("button", { name: "Reload (discard my edits)" }).click();
    await expect(settings.primary).toHaveValue(QWEN);
    await expect(settings.aliasInput(R1)).toHaveValue("R1");
    await expect(settings.saveState("No changes")).toBeVisible();
  });
});
