import { expect, type Locator, type Page } from "@playwright/test";

/** The /settings page, in the user's words. */
export class SettingsPage {
  readonly primary: Locator;
  readonly addFallbackInput: Locator;
  readonly fallbackList: Locator;
  readonly saveButton: Locator;
  readonly conflictDialog: Locator;
  readonly preview: Locator;
  readonly history: Locator;
  readonly versions: Locator;
  readonly outsideBanner: Locator;

  constructor(readonly page: Page) {
    this.primary = page.getByRole("combobox", { name: "Primary model" });
    this.addFallbackInput = page.getByRole("combobox", { name: "Add a fallback" });
    this.fallbackList = page.getByRole("list", { name: "Fallbacks, in order" });
    this.saveButton = page.getByRole("button", { name: "Save", exact: true });
    this.conflictDialog = page.getByRole("dialog", { name: "The config file changed on disk since you opened it" });
    this.preview = page.getByRole("region", { name: "Changes to the config file" });
    this.history = page.getByRole("region", { name: "History of the config file" });
    this.versions = this.history.getByRole("list", { name: "Versions of the config file" }).getByRole("listitem");
    this.outsideBanner = page.getByRole("region", { name: "Outside change" });
  }

  async goto(baseUrl: string) {
    await this.page.goto(`${baseUrl}/settings`);
    await expect(this.page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  }

  /** Waits until the page hears the server's events and the server watches the config file. */
  async listening() {
    await expect(this.page.locator("html[data-server-events=ready]")).toBeAttached();
  }

  /** Types a ref into a model combobox and picks the first option (the exact ref, or "Use <ref>"). */
  async pickRef(combobox: Locator, ref: string) {
    await combobox.fill(ref);
    await expect(this.page.getByRole("option").first()).toContainText(ref);
    await combobox.press("Enter");
  }

  async choosePrimary(ref: string) {
    await this.pickRef(this.primary, ref);
    await expect(this.primary).toHaveValue(ref);
  }

  async addFallback(ref: string) {
    await this.pickRef(this.addFallbackInput, ref);
  }

  fallbackRow(ref: string): Locator {
    return this.fallbackList.locator(`li[data-ref="${ref}"]`);
  }

  async fallbackOrder(): Promise<string[]> {
    return this.fallbackList
      .getByRole("listitem")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-ref") ?? ""));
  }

  async addAlias(ref: string, alias: string) {
    await this.page.getByRole("button", { name: "Add alias" }).click();
    const refInput = this.page.getByRole("combobox", { name: /^Model ref, row \d+$/ }).last();
    await expect(refInput).toBeFocused();
    await this.pickRef(refInput, ref);
    await this.aliasInput(ref).fill(alias);
  }

  aliasInput(ref: string): Locator {
    return this.page.getByLabel(`Alias for ${ref}`, { exact: true });
  }

  async save() {
    await expect(this.saveButton).toBeEnabled();
    await this.saveButton.click();
  }

  /** The save bar's state, matched whole: "Saved" must not match "Unsaved changes". */
  saveState(text: string): Locator {
    return this.page.getByRole("status").getByText(text, { exact: true });
  }
}
