import { expect, type Locator, type Page } from "@playwright/test";

/** The /usage page, in the user's words. */
export class UsagePage {
  readonly recent: Locator;
  readonly budgets: Locator;
  readonly dailyBudget: Locator;
  readonly monthlyBudget: Locator;

  constructor(readonly page: Page) {
    this.recent = page.getByRole("region", { name: "Recent requests", exact: true });
    this.budgets = page.getByRole("region", { name: "Budgets" });
    this.dailyBudget = page.getByLabel("Daily budget (USD)");
    this.monthlyBudget = page.getByLabel("Monthly budget (USD)");
  }

  async goto(baseUrl: string) {
    await this.page.goto(`${baseUrl}/usage`);
    await expect(this.page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
    await expect(this.page.getByRole("heading", { name: "Recent requests" })).toBeVisible();
  }

  async filter(label: "Model" | "Provider" | "Client" | "Status", value: string) {
    await this.recent.getByLabel(label, { exact: true }).selectOption(value);
  }

  /** The rows of the recent-requests table, newest first. */
  rows(): Locator {
    return this.recent.getByRole("row").filter({ has: this.page.locator("time") });
  }

  /** One cell of a row, by its column header. */
  async cell(row: Locator, column: string): Promise<Locator> {
    const headers = await this.recent.getByRole("columnheader").allTextContents();
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`No column "${column}" in ${headers.join(", ")}`);
    return row.locator("th, td").nth(index);
  }

  /** Shows only the local days `from` to `to` (`YYYY-MM-DD`). */
  async range(from: string, to: string) {
    // From first: its maximum is To, which is today until To moves back.
    await this.page.getByLabel("From", { exact: true }).fill(from);
    await this.page.getByLabel("To", { exact: true }).fill(to);
    await this.page.getByLabel("To", { exact: true }).blur();
  }

  rangeInputs(): Locator {
    return this.page.getByLabel("From", { exact: true }).or(this.page.getByLabel("To", { exact: true }));
  }

  chart(title: string): Locator {
    return this.page.getByRole("region", { name: title });
  }
}
