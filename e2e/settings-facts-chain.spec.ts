import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { expect, test } from "@playwright/test";
import { e2e } from "./env";
import { readConfigText, removeConfig, writeConfig } from "./pages/config-file";
import { SettingsChecks } from "./pages/settings-checks";
import { SettingsPage } from "./pages/settings-page";

const stateDir = e2e.live.stateDir;
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const R1_CHEAP = `${R1}:cheapest`;
const LLAMA_8B = "huggingface/meta-llama/Llama-3.1-8B-Instruct";
const KIMI = "huggingface/moonshotai/Kimi-K2.5";
const FAULT = "huggingface/fault/status-503";

const CHAIN_CONFIG = `{
  // e2e: a chain with a capability gap and a model that is not routed
  agents: {
    defaults: {
      model: { primary: "${R1}", fallbacks: ["${LLAMA_8B}", "${KIMI}"] },
      models: { "${R1_CHEAP}": { alias: "R1 cheap" } },
    },
  },
}
`;

interface Entry {
  id: string;
  name?: string;
  contextWindow?: number;
  cost?: { input: number; output: number };
}

function factsInFile(): Entry[] {
  const data = JSON5.parse(readConfigText(stateDir)) as {
    models?: { providers?: { huggingface?: { models?: Entry[] } } };
  };
  return data.models?.providers?.huggingface?.models ?? [];
}

test.describe("model facts and the chain check", () => {
  test.beforeEach(() => writeConfig(stateDir, CHAIN_CONFIG));
  // The switch is remembered in the dashboard's data folder: leave it off for the other specs.
  test.afterEach(() => {
    removeConfig(stateDir);
    fs.rmSync(path.join(stateDir, "data", "model-facts.json"), { force: true });
  });

  test("turning model facts on shows the entries in the preview, and saving writes them", async ({ page }) => {
    // Two saves' worth of previews and a reload: slow on a busy machine.
    test.setTimeout(90_000);
    const settings = new SettingsPage(page);
    const checks = new SettingsChecks(page);
    await settings.goto(e2e.live.url);
    await expect(checks.factsSwitch).not.toBeChecked();

    await checks.factsSwitch.check();
    await expect(settings.saveState("Unsaved changes")).toBeVisible();
    await expect(settings.preview).toContainText('id: "deepseek-ai/DeepSeek-R1:cheapest"');
    // :cheapest is the backend the router picks by price today (novita in the fake router's list).
    const cheap = checks.factsEntry("deepseek-ai/DeepSeek-R1:cheapest");
    await expect(cheap).toContainText("Added on save");
    await expect(cheap).toContainText("65,536 tokens");
    await expect(cheap).toContainText("$0.70 in / $2.50 out per 1M");
    await expect(cheap).toContainText("novita, the backend :cheapest picks today");
    await expect(checks.factsEntry("deepseek-ai/DeepSeek-R1")).toContainText("smallest context and highest price");

    await settings.save();
    await expect(settings.saveState("Saved")).toBeVisible();
    expect(factsInFile().map((e) => e.id)).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "meta-llama/Llama-3.1-8B-Instruct",
      "moonshotai/Kimi-K2.5",
      "deepseek-ai/DeepSeek-R1:cheapest",
    ]);
    expect(factsInFile()[3]).toEqual(
      expect.objectContaining({ name: "DeepSeek R1", contextWindow: 65536, cost: { input: 0.7, output: 2.5 } }),
    );
    expect(readConfigText(stateDir)).toContain("// e2e: a chain with a capability gap");

    // A value changed by hand stays, and the page says it was set by hand.
    writeConfig(
      stateDir,
      readConfigText(stateDir).replace(
        "contextWindow: 65536,\n            cost: { input: 0.7",
        "contextWindow: 50000,\n            cost: { input: 0.7",
      ),
    );
    await page.reload();
    await expect(checks.factsSwitch).toBeChecked();
    await expect(checks.factsEntry("deepseek-ai/DeepSeek-R1:cheapest")).toContainText("50,000 tokens set by hand");
  });

  test("the chain check shows its findings beside the entries they concern", async ({ page }) => {
    const settings = new SettingsPage(page);
    const checks = new SettingsChecks(page);
    await settings.goto(e2e.live.url);
    await expect(checks.findingsFor(LLAMA_8B)).toContainText("Lacks reasoning, which the primary has");
    await expect(checks.findingsFor(KIMI)).toContainText("is not currently routed");
    await expect(checks.findingsFor(R1)).toBeHidden();
    await expect(checks.chainCard).toContainText("1 problem and 1 warning");
  });

  test("test the chain sends one tiny request through each candidate and says which would answer", async ({ page }) => {
    const settings = new SettingsPage(page);
    const checks = new SettingsChecks(page);
    await settings.goto(e2e.live.url);
    // Unsaved edits are what is tested: a primary that fails with 503.
    await settings.choosePrimary(FAULT);
    await expect(checks.chainCard).toContainText("Estimated cost: at most $");
    // The chain on screen is tested even while the check of the edit is still on its way, and its results stay.
    await checks.testButton.click();
    await expect(checks.result("Primary", FAULT)).toContainText("Failed: 503");
    await expect(checks.result("Primary", FAULT)).toContainText("temporarily unavailable");
    await expect(checks.result("Primary", FAULT)).toContainText("the gateway moves on to the next one");
    await expect(checks.result("Fallback 1", LLAMA_8B)).toContainText("OK");
    await expect(checks.result("Fallback 1", LLAMA_8B)).toContainText(/Answered by [a-z-]+ · first token after/);
    await expect(checks.result("Fallback 2", KIMI)).toContainText(`Not reached: ${LLAMA_8B} answers first.`);
    await expect(checks.chainCard).toContainText(
      `A real request would be answered by Llama 3.1 8B Instruct (${LLAMA_8B}).`,
    );
    // Nothing was saved by testing.
    expect(readConfigText(stateDir)).toBe(CHAIN_CONFIG);
  });
});
