import { expect, type Locator, type Page } from "@playwright/test";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Parses "42 of 10,137 models". */
function parseCount(text: string): { shown: number; total: number } {
  const match = /([\d,]+) of ([\d,]+) models/.exec(text);
  if (!match) throw new Error(`not a model count: "${text}"`);
  return { shown: Number(match[1]?.replace(/,/g, "")), total: Number(match[2]?.replace(/,/g, "")) };
}

/** The catalog page (`/`), in the user's words. */
export class CatalogPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly list: Locator;
  readonly banner: Locator;
  readonly sort: Locator;
  readonly filters: Locator;
  readonly details: Locator;
  readonly backendPicker: Locator;
  readonly resultingRef: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Search models" });
    this.count = page.getByTestId("catalog-count");
    this.list = page.getByRole("list", { name: "Models" });
    this.banner = page.getByRole("region", { name: "Catalog source" });
    this.sort = page.getByRole("combobox", { name: "Sort by" });
    this.filters = page.getByRole("complementary", { name: "Filters" });
    this.details = page.getByRole("dialog");
    this.backendPicker = this.details.getByRole("group", { name: "Backend" });
    this.resultingRef = this.details.getByTestId("resulting-ref");
  }

  async goto(baseUrl = "", query = "") {
    await this.page.goto(`${baseUrl}/${query}`);
    await this.waitReady();
  }

  /** A model's own page, `/models/<hub id>`: the catalog with that model's details open. */
  async gotoModel(id: string, name: string) {
    await this.page.goto(`/models/${id}`);
    await this.waitReady();
    await expect(this.details.getByRole("heading", { name, level: 2 })).toBeVisible();
  }

  private async waitReady() {
    // Generous: on a busy CI machine hydration alone can take several seconds.
    await expect(this.count).toHaveText(/ of /, { timeout: 30_000 });
    // The rows are server-rendered: wait until React has hydrated them, or a first click is lost.
    await expect(this.page.locator("[data-catalog-hydrated]")).toBeAttached({ timeout: 30_000 });
  }

  async counts() {
    return parseCount((await this.count.textContent()) ?? "");
  }

  /** The names of the rows rendered right now (the virtual list renders the visible ones). */
  async names(limit = 5): Promise<string[]> {
    const names = await this.list.getByTestId("model-name").allTextContents();
    return names.slice(0, limit).map((name) => name.trim());
  }

  row(name: string): Locator {
    return this.list
      .getByRole("listitem")
      .filter({ has: this.page.getByTestId("model-name").getByText(name, { exact: true }) });
  }

  async searchFor(query: string) {
    await this.search.fill(query);
    await expect(this.search).toHaveValue(query);
  }

  async open(name: string) {
    await this.row(name)
      .getByRole("button", { name: new RegExp(`^${escapeRegExp(name)}`) })
      .click();
    await expect(this.details.getByRole("heading", { name, level: 2 })).toBeVisible();
  }

  policy(label: "Default" | "Fastest" | "Cheapest" | "Preferred" | "Specific provider"): Locator {
    return this.details.getByRole("radio", { name: new RegExp(`^${escapeRegExp(label)}`) });
  }

  filter(label: string): Locator {
    return this.filters.getByRole("checkbox", { name: label });
  }
}
