import { expect, type Locator, type Page } from "@playwright/test";

/** The /onboarding page, in the user's words. */
export class OnboardingPage {
  readonly createTokenLink: Locator;
  readonly tokenInput: Locator;
  readonly checkAndSave: Locator;
  readonly model: Locator;
  readonly alias: Locator;
  readonly finish: Locator;

  constructor(readonly page: Page) {
    this.createTokenLink = page.getByRole("link", { name: /Create a token/ });
    this.tokenInput = page.getByLabel("Hugging Face token", { exact: true });
    this.checkAndSave = page.getByRole("button", { name: "Check and save" });
    this.model = page.getByRole("combobox", { name: "Default Hugging Face model" });
    this.alias = page.getByLabel("Alias (optional)");
    this.finish = page.getByRole("button", { name: "Finish" });
  }

  async goto(baseUrl: string) {
    await this.page.goto(`${baseUrl}/onboarding`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("Set up");
  }

  async submitToken(token: string) {
    await this.tokenInput.fill(token);
    await this.checkAndSave.click();
  }

  /** Opens the model list, narrows it with `search`, and clicks the option showing `ref`. */
  async chooseModel(search: string, ref: string) {
    await this.model.fill(search);
    await this.page
      .getByRole("option")
      .filter({ has: this.page.getByText(ref, { exact: true }) })
      .click();
    await expect(this.model).toHaveValue(ref);
  }
}
