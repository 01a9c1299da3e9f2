import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { e2e } from "./env";
import {
  clearHistory,
  configPathOf,
  KNOWN_CONFIG,
  LLAMA_8B,
  QWEN,
  R1,
  removeConfig,
  writeConfig,
} from "./pages/config-file";
import { SettingsPage } from "./pages/settings-page";

const stateDir = e2e.live.stateDir;

test.describe("config history", () => {
  test.beforeEach(() => {
    clearHistory(stateDir);
    writeConfig(stateDir, KNOWN_CONFIG);
  });
  test.afterAll(() => removeConfig(stateDir));

  test("three saves then a restore of the first give back its exact bytes", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await expect(settings.primary).toHaveValue(R1);

    await settings.choosePrimary(QWEN);
    await settings.save();
    await expect(settings.saveState("Saved")).toBeVisible();
    const first = fs.readFileSync(configPathOf(stateDir));

    await settings.choosePrimary(LLAMA_8B);
    await settings.save();
    await expect(settings.saveState("Saved")).toBeVisible();
    await settings.addFallback(R1);
    await settings.save();
    await expect(settings.saveState("Saved")).toBeVisible();

    // Newest first: the three saves, then the hand-written file the page loaded.
    await expect(settings.versions.nth(0)).toContainText("+1 fallback");
    await expect(settings.versions.nth(0)).toContainText("current");
    await expect(settings.versions.nth(1)).toContainText("primary Qwen3 8B → Llama 3.1 8B Instruct");
    await expect(settings.versions.nth(2)).toContainText("primary DeepSeek R1 → Qwen3 8B");
    await expect(settings.versions.nth(3)).toContainText("changed outside");

    const firstSave = settings.versions.nth(2);
    await firstSave.getByRole("button", { name: "Show changes" }).click();
    await expect(firstSave.getByRole("region", { name: /against the file now$/ })).toContainText(LLAMA_8B);

    await firstSave.getByRole("button", { name: "Restore…" }).click();
    const dialog = page.getByRole("dialog", { name: /^Restore version \d+\?$/ });
    await expect(dialog.getByRole("region", { name: /against the file now$/ })).toContainText(QWEN);
    await dialog.getByRole("button", { name: /^Restore version \d+$/ }).click();
    await expect(settings.history.getByRole("status")).toContainText(/Version \d+ restored \(kept as version \d+\)/);

    expect(fs.readFileSync(configPathOf(stateDir)).equals(first)).toBe(true);
    // The form shows the restored settings, and the restore is itself a version.
    await expect(settings.primary).toHaveValue(QWEN);
    await expect(settings.fallbackList.getByRole("listitem")).toHaveCount(0);
    await expect(settings.versions.nth(0)).toContainText("restored here");
    await expect(settings.versions.nth(0)).toContainText("current");
  });
});
