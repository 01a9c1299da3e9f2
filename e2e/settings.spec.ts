import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";
import {
  clearHistory,
  KNOWN_CONFIG,
  LLAMA_8B,
  LLAMA_CHEAP,
  modelSettingsOf,
  QWEN,
  R1,
  readConfig,
  readConfigText,
  removeConfig,
  writeConfig,
} from "./pages/config-file";
import { SettingsChecks } from "./pages/settings-checks";
import { SettingsPage } from "./pages/settings-page";
import { PageChecks } from "./support/page-checks";

const stateDir = e2e.live.stateDir;
/** A kept version's age: the checks can take minutes on a busy machine, so "just now" turns into "1 min ago". */
const VERSION_AGE: [RegExp, string] = [/^(just now|\d+ (min|h) ago)$/, "just now"];

test.describe("settings page", () => {
  test.beforeEach(() => writeConfig(stateDir, KNOWN_CONFIG));
  test.afterAll(() => removeConfig(stateDir));

  test("shows the token's mask and source, and refuses a wrong token with the server's reason", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    const card = page.getByRole("region", { name: "Hugging Face token" });
    await expect(card).toContainText("hf_…0000");
    await expect(card).toContainText(path.join(stateDir, ".env"));
    await card.getByLabel("Replace the token").fill("hf_wrong_e2e_token_1111");
    await card.getByRole("button", { name: "Replace token" }).click();
    await expect(card.getByRole("alert")).toContainText("Token not saved");
    await expect(card).toContainText("hf_…0000");
  });

  test("refuses the mask or a pasted non-token before sending it, saying why", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    const card = page.getByRole("region", { name: "Hugging Face token" });
    const field = card.getByLabel("Replace the token");
    await field.fill("hf_…0000");
    await expect(card.getByRole("alert")).toContainText("masked token the dashboard shows");
    await expect(card.getByRole("button", { name: "Replace token" })).toBeDisabled();
    await field.fill("\u201chf_abcdef\u201d");
    await expect(card.getByRole("alert")).toContainText("quotation mark");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(card).toContainText("hf_…0000");
    expect(fs.readFileSync(path.join(stateDir, ".env"), "utf8")).toContain(`HF_TOKEN=${FAKE_TOKEN}`);
  });

  test("sets the primary, ordered fallbacks and aliases, and writes them to the file", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await expect(
      page.getByRole("button", { name: `Copy path: ${path.join(stateDir, "openclaw.json")}` }),
    ).toBeVisible();
    await expect(settings.primary).toHaveValue(R1);

    await settings.choosePrimary(QWEN);
    await expect(settings.saveState("Unsaved changes")).toBeVisible();

    // The primary can't also be a fallback.
    await settings.addFallback(QWEN);
    await expect(page.getByText(`${QWEN} is the primary model: it can't also be a fallback.`)).toBeVisible();

    await settings.addFallback(R1);
    await settings.addFallback(LLAMA_CHEAP);
    expect(await settings.fallbackOrder()).toEqual([R1, LLAMA_CHEAP]);

    // Reorder with the buttons…
    await page.getByRole("button", { name: `Move ${LLAMA_CHEAP} up` }).click();
    expect(await settings.fallbackOrder()).toEqual([LLAMA_CHEAP, R1]);
    // …and with the keyboard on the focused row, which keeps the focus.
    const llamaRow = settings.fallbackRow(LLAMA_CHEAP);
    await llamaRow.focus();
    await page.keyboard.press("Alt+ArrowDown");
    expect(await settings.fallbackOrder()).toEqual([R1, LLAMA_CHEAP]);
    await expect(llamaRow).toBeFocused();
    await page.keyboard.press("Alt+ArrowUp");
    expect(await settings.fallbackOrder()).toEqual([LLAMA_CHEAP, R1]);

    await settings.aliasInput(R1).fill("DeepSeek");
    await settings.addAlias(QWEN, "Qwen 8B");
    await settings.addAlias(LLAMA_CHEAP, "Llama cheap");

    await expect(settings.preview).toContainText(QWEN);
    await settings.save();
    await expect(settings.saveState("Saved")).toBeVisible();

    const text = readConfigText(stateDir);
    expect(modelSettingsOf(readConfig(stateDir))).toEqual({
      primary: QWEN,
      fallbacks: [LLAMA_CHEAP, R1],
      aliases: { [R1]: "DeepSeek", [QWEN]: "Qwen 8B", [LLAMA_CHEAP]: "Llama cheap" },
    });
    expect(text).toContain("// Written by the e2e tests");
    expect(text).toContain("gateway: { port: 18789 }, // not the dashboard's");
    expect(readConfig(stateDir).agents?.defaults?.models?.[R1]).toMatchObject({ params: { temperature: 0.6 } });
  });

  test("the model combobox works with the keyboard: arrows, Enter, Escape", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    const listbox = page.getByRole("listbox", { name: "Primary model" });
    await settings.primary.fill("qwen3 8b");
    await expect(listbox).toBeVisible();
    await expect(settings.primary).toHaveAttribute("aria-expanded", "true");
    const options = listbox.getByRole("option");
    await expect(options.first()).toContainText(QWEN);

    await settings.primary.press("ArrowDown");
    const second = await options.nth(1).getAttribute("id");
    await expect(settings.primary).toHaveAttribute("aria-activedescendant", second ?? "");
    await settings.primary.press("ArrowUp");
    await settings.primary.press("Enter");
    await expect(listbox).toBeHidden();
    await expect(settings.primary).toHaveValue(QWEN);

    await settings.primary.fill("something else");
    await settings.primary.press("Escape");
    await expect(settings.primary).toHaveValue(QWEN);
    await expect(settings.primary).toHaveAttribute("aria-expanded", "false");
  });

  test("validates as the user types and keeps Save off until the form is valid", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.addAlias(QWEN, "r1");
    await expect(page.getByText(`"r1" is already the alias of`)).toBeVisible();
    await expect(settings.saveButton).toBeDisabled();
    await settings.aliasInput(QWEN).fill("Qwen");
    await expect(settings.saveButton).toBeEnabled();
  });

  test("a file changed on disk meanwhile opens the conflict dialog; Reload takes the file as it is", async ({
    page,
  }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.choosePrimary(QWEN);
    writeConfig(stateDir, KNOWN_CONFIG.replace(`primary: "${R1}"`, `primary: "${LLAMA_8B}"`));

    await settings.save();
    await expect(settings.conflictDialog).toBeVisible();
    await expect(settings.conflictDialog.getByRole("region", { name: "Changed on disk", exact: true })).toContainText(
      LLAMA_8B,
    );
    await expect(settings.conflictDialog.getByRole("region", { name: "Your unsaved changes" })).toContainText(QWEN);

    await settings.conflictDialog.getByRole("button", { name: "Reload (discard my changes)" }).click();
    await expect(settings.conflictDialog).toBeHidden();
    await expect(settings.primary).toHaveValue(LLAMA_8B);
    await expect(settings.saveState("No changes")).toBeVisible();
    expect(modelSettingsOf(readConfig(stateDir)).primary).toBe(LLAMA_8B);
  });

  test("in the conflict dialog, Overwrite saves my changes over the new file and keeps its other edits", async ({
    page,
  }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.choosePrimary(QWEN);
    writeConfig(stateDir, KNOWN_CONFIG.replace(`primary: "${R1}"`, `primary: "${LLAMA_8B}"`).replace("18789", "20000"));

    await settings.save();
    await settings.conflictDialog.getByRole("button", { name: "Overwrite with my changes" }).click();
    await expect(settings.conflictDialog).toBeHidden();
    await expect(settings.saveState("Saved")).toBeVisible();
    expect(modelSettingsOf(readConfig(stateDir)).primary).toBe(QWEN);
    expect(readConfigText(stateDir)).toContain("port: 20000");
  });

  test("when only other parts changed on disk, the conflict dialog shows those lines", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.choosePrimary(QWEN);
    writeConfig(stateDir, KNOWN_CONFIG.replace("18789", "20000"));

    await settings.save();
    await expect(settings.conflictDialog).toContainText("Only other parts of the file changed");
    const lines = settings.conflictDialog.getByRole("region", { name: "What changed on disk" });
    await expect(lines).toContainText("removed: gateway: { port: 18789 }");
    await expect(lines).toContainText("added: gateway: { port: 20000 }");
  });

  test("leaving by an in-app link with unsaved edits asks first; Cancel stays with the edits", async ({ page }) => {
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    const catalogLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" });
    await settings.choosePrimary(QWEN);

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await catalogLink.click();
    await expect.poll(() => asked).toEqual([expect.stringContaining("unsaved changes")]);
    await expect(page).toHaveURL(/\/settings$/);
    await expect(settings.primary).toHaveValue(QWEN);

    page.once("dialog", (dialog) => void dialog.accept());
    await catalogLink.click();
    await expect(page).toHaveURL(`${e2e.live.url}/`);
  });

  test("long lines in the preview wrap instead of running off the right edge", async ({ page }) => {
    const note = "a long note that nobody wraps ".repeat(12).trim();
    writeConfig(stateDir, KNOWN_CONFIG.replace('alias: "R1",', `alias: "R1", note: "${note}",`));
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.aliasInput(R1).fill("DeepSeek");
    await expect(settings.preview).toContainText("DeepSeek");
    await expect(settings.preview).toContainText(note);
    const overflow = await settings.preview.evaluate((region) => region.scrollWidth - region.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a malformed file shows the parse error with its position and turns saving off", async ({ page }) => {
    writeConfig(stateDir, '{\n  agents: {\n    defaults: { model: { primary: "x" }\n  ,,\n}\n');
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await expect(page.getByRole("alert").filter({ hasText: "can't be parsed" })).toContainText(/line \d+/);
    await settings.primary.fill(QWEN);
    await settings.primary.press("Enter");
    await expect(settings.saveButton).toBeDisabled();

    // Check again reads the file once more; fixing the file then heals the page by itself (live reload).
    await page.getByRole("button", { name: "Check again" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "can't be parsed" })).toBeVisible();
    writeConfig(stateDir, KNOWN_CONFIG);
    await expect(page.getByRole("alert").filter({ hasText: "can't be parsed" })).toBeHidden();
  });

  test("is accessible, matches its light and dark screenshots and logs no errors; so do the combobox and the conflict", async ({
    page,
  }) => {
    const checks = await PageChecks.start(page);
    // The history then holds one version, the file as the page reads it: the same look on every run.
    clearHistory(stateDir);
    const settings = new SettingsPage(page);
    await settings.goto(e2e.live.url);
    await settings.addFallback(QWEN);
    await expect(settings.preview).toBeVisible();
    // The chain check of the edited chain (primary and Qwen) has come back: it is part of the look.
    await expect(new SettingsChecks(page).chainCard).toContainText("through each of the 2 models in order");
    await expect(settings.versions).toHaveCount(1);
    await checks.expectAll("settings", { replace: [VERSION_AGE] });

    // The combobox open on a search, with its options.
    await settings.primary.fill("deepseek r1");
    await expect(page.getByRole("listbox", { name: "Primary model" })).toBeVisible();
    await checks.expectLook("settings-combobox", { replace: [VERSION_AGE] });
    await settings.primary.press("Escape");
    await expect(settings.primary).toHaveValue(R1);

    // The 409 answer is logged by the browser itself, so the console is not checked from here on.
    writeConfig(stateDir, KNOWN_CONFIG.replace(`primary: "${R1}"`, `primary: "${LLAMA_8B}"`));
    await settings.save();
    await expect(settings.conflictDialog).toBeVisible();
    await expect(settings.versions).toHaveCount(2);
    // A modal: the page behind it is inert, and was checked above.
    await checks.expectAccessible({ axeScope: "dialog" });
    await checks.expectLook("settings-conflict", { replace: [VERSION_AGE] });
  });
});
