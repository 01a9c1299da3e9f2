import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { CatalogPage } from "./pages/catalog-page";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`catalog accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });
    // axe walks the whole page; on a busy 2-core machine that alone can take tens of seconds.
    test.setTimeout(120_000);

    test("the list has no serious or critical violations", async ({ page }) => {
      const catalog = new CatalogPage(page);
      await catalog.goto("", "?q=deepseek");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the details view has no serious or critical violations", async ({ page }) => {
      const catalog = new CatalogPage(page);
      await catalog.goto("", "?model=deepseek-ai/DeepSeek-R1");
      await expect(catalog.details).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await catalog.policy("Specific provider").check();
      await expect(catalog.backendPicker).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
