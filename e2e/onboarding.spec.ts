import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";
import { LLAMA_8B, modelSettingsOf, QWEN, R1, readConfig, removeConfig, writeConfig } from "./pages/config-file";
import { routerModelCount } from "./pages/fake-router";
import { OnboardingPage } from "./pages/onboarding-page";
import { SettingsPage } from "./pages/settings-page";
import { PageChecks } from "./support/page-checks";

const WRONG_TOKEN = "hf_wrong_e2e_token_1111";

/** A first-run file that already has a fallback and an alias: onboarding must keep them. */
const EXISTING_CONFIG = `{
  agents: {
    defaults: {
      model: { primary: "${QWEN}", fallbacks: ["${LLAMA_8B}"] },
      models: { "${QWEN}": { alias: "Qwen" }, "${LLAMA_8B}": {} },
    },
  },
}
`;

test.describe("onboarding", () => {
  test.beforeEach(() => {
    writeConfig(e2e.fresh.stateDir, EXISTING_CONFIG);
    writeConfig(e2e.offline.stateDir, EXISTING_CONFIG);
  });

  // Other specs expect `fresh` and `offline` to have no token and no config: leave them so.
  test.afterAll(async ({ playwright }) => {
    const api = await playwright.request.newContext();
    for (const dashboard of [e2e.fresh, e2e.offline]) {
      await api.delete(`${dashboard.url}/api/token`);
      removeConfig(dashboard.stateDir);
    }
    await api.dispose();
  });

  test("a first run: refused token, checked token, default model with alias, saved to the file", async ({ page }) => {
    const onboarding = new OnboardingPage(page);
    await onboarding.goto(e2e.fresh.url);
    await expect(onboarding.createTokenLink).toHaveAttribute(
      "href",
      "https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained",
    );
    await expect(page.getByText("Make calls to Inference Providers")).toBeVisible();

    await onboarding.submitToken(WRONG_TOKEN);
    await expect(page.getByRole("alert").filter({ hasText: "Token not saved" })).toBeVisible();

    await onboarding.submitToken(FAKE_TOKEN);
    await expect(page.getByText("Token checked with the router and saved")).toBeVisible();
    // The router's own models are counted: the built-in Kimi K2.5 it does not serve is said apart.
    const served = await routerModelCount();
    await expect(
      page.getByText(
        `Showing the live list from the router (${served} models; 1 more is listed but not currently routed).`,
      ),
    ).toBeVisible();

    await expect(onboarding.model).toHaveValue(R1);
    await expect(onboarding.alias).toHaveValue("DeepSeek R1");
    await onboarding.chooseModel("DeepSeek-R1 cheapest", `${R1}:cheapest`);
    await expect(onboarding.alias).toHaveValue("DeepSeek R1 (cheapest)");

    await onboarding.finish.click();
    await expect(page).toHaveURL(`${e2e.fresh.url}/`);
    expect(modelSettingsOf(readConfig(e2e.fresh.stateDir))).toEqual({
      primary: `${R1}:cheapest`,
      fallbacks: [LLAMA_8B],
      aliases: { [QWEN]: "Qwen", [`${R1}:cheapest`]: "DeepSeek R1 (cheapest)" },
    });
  });

  test("the token saved during onboarding can be removed from Settings", async ({ page, request }) => {
    // Independent of the previous test: make sure a token is saved first.
    expect((await request.put(`${e2e.fresh.url}/api/token`, { data: { token: FAKE_TOKEN } })).ok()).toBe(true);
    const settings = new SettingsPage(page);
    await settings.goto(e2e.fresh.url);
    const card = page.getByRole("region", { name: "Hugging Face token" });
    await expect(card).toContainText("hf_…0000");
    await card.getByRole("button", { name: "Remove token" }).click();
    await card.getByRole("button", { name: "Yes, remove it" }).click();
    await expect(card).toContainText("not set");
  });

  test("with the router unreachable, the token is saved unchecked with a warning and the built-in list is shown", async ({
    page,
  }) => {
    const onboarding = new OnboardingPage(page);
    await onboarding.goto(e2e.offline.url);
    await onboarding.submitToken(FAKE_TOKEN);
    await expect(page.getByRole("alert").filter({ hasText: "could not be checked" })).toBeVisible();
    await expect(page.getByText(/Showing the built-in list/)).toBeVisible();
    await onboarding.chooseModel("Qwen3 8B fastest", `${QWEN}:fastest`);
    await expect(onboarding.alias).toHaveValue("Qwen3 8B (fastest)");
  });

  test("Skip goes to the catalog without saving anything", async ({ page }) => {
    const onboarding = new OnboardingPage(page);
    await onboarding.goto(e2e.fresh.url);
    await page.getByRole("link", { name: "Skip to the catalog" }).click();
    await expect(page).toHaveURL(`${e2e.fresh.url}/`);
    expect(modelSettingsOf(readConfig(e2e.fresh.stateDir)).primary).toBe(QWEN);
  });

  test("is accessible, matches its light and dark screenshots and logs no errors", async ({ page }) => {
    const checks = await PageChecks.start(page);
    const onboarding = new OnboardingPage(page);
    await onboarding.goto(e2e.fresh.url);
    await expect(onboarding.model).toHaveValue(R1);
    await checks.expectAll("onboarding");
  });
});
