import type { Locator, Page } from "@playwright/test";

/** The settings page's model facts card and chain check, in the user's words. */
export class SettingsChecks {
  readonly factsSwitch: Locator;
  readonly factsEntries: Locator;
  readonly chainCard: Locator;
  readonly testButton: Locator;
  readonly testResults: Locator;

  constructor(readonly page: Page) {
    this.factsSwitch = page.getByRole("switch", { name: "Keep model facts for OpenClaw" });
    this.factsEntries = page.getByRole("list", { name: "Model facts entries" });
    this.chainCard = page.getByRole("region", { name: "Chain check" });
    this.testButton = this.chainCard.getByRole("button", { name: "Test the chain" });
    this.testResults = this.chainCard.getByRole("list", { name: "Test results, in order" });
  }

  /** The model facts a save keeps for one entry id (`org/model[:suffix]`). */
  factsEntry(id: string): Locator {
    return this.factsEntries.getByRole("listitem", { name: `Model facts: ${id}`, exact: true });
  }

  /** The chain check's findings shown beside the entry holding `ref`. */
  findingsFor(ref: string): Locator {
    return this.page.getByRole("group", { name: `Chain check: ${ref}`, exact: true });
  }

  /** The test result of the candidate at `role` ("Primary", "Fallback 1", …). */
  result(role: string, ref: string): Locator {
    return this.testResults.getByRole("listitem", { name: `${role}: ${ref}`, exact: true });
  }
}
