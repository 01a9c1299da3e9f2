import { expect, test } from "@playwright/test";
import { CatalogPage } from "./pages/catalog-page";
import { PageChecks } from "./support/page-checks";

/** The live list's age ("just now", "3 min ago") depends on when an earlier spec fetched it. */
const CATALOG_AGE: [RegExp, string] = [/^(just now|\d+ (min|h) ago|\d+ days? ago)$/, "just now"];

const DETAILS = '[role="dialog"]';

test.describe("catalog page checks", () => {
  test("the list is accessible, matches its light and dark screenshots and logs no errors", async ({ page }) => {
    const checks = await PageChecks.start(page);
    const catalog = new CatalogPage(page);
    await catalog.goto("", "?q=deepseek");
    await expect.poll(async () => (await catalog.names(1))[0]).toBe("DeepSeek R1");
    await checks.expectAll("catalog", { replace: [CATALOG_AGE] });
  });

  test("a model page opens its details: accessible, matches its screenshots, logs no errors", async ({ page }) => {
    const checks = await PageChecks.start(page);
    const catalog = new CatalogPage(page);
    await catalog.gotoModel("deepseek-ai/DeepSeek-R1", "DeepSeek R1");
    await expect(page).toHaveURL(/[?&]model=deepseek-ai\/DeepSeek-R1/);
    // The list behind it is the test above's; axe looks at what this page adds.
    await checks.expectAll("model-details", { replace: [CATALOG_AGE], axeScope: DETAILS });

    await catalog.policy("Specific provider").check();
    await expect(catalog.backendPicker).toBeVisible();
    await checks.expectAccessible({ axeScope: DETAILS });
    checks.expectNoConsoleErrors();
  });
});
