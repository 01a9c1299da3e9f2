/**
 * The checks every page gets: no serious or critical axe violations (the colour rules in both
 * schemes), the same look as the committed screenshots in light and in dark, and no errors in the
 * browser console.
 * Baselines live in e2e/screenshots/; README.md says how to update them.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { e2e } from "../env";

const SCHEMES = ["light", "dark"] as const;
type ColorScheme = (typeof SCHEMES)[number];
/** The axe rules whose outcome depends on colours. */
const COLOR_RULES = ["color-contrast", "link-in-text-block"];

/** axe walks the whole page in both schemes: tens of seconds each on a busy 2-core machine. */
const CHECK_TIMEOUT = 240_000;

/** One size for every page, tall enough that sticky bars stay where they are. */
const CHECK_VIEWPORT = { width: 1280, height: 1500 };

/**
 * What differs from one checkout or port base to another: the test state folders and the local
 * ports. Replaced before a screenshot so the baselines hold on any machine path and E2E_PORT_BASE.
 */
const MACHINE_TEXT: Array<[RegExp, string]> = [
  [new RegExp(`${escapeRegExp(e2e.tmp)}/(live|fresh|offline)`, "g"), "~/.openclaw"],
  [/127\.0\.0\.1:\d+/g, "127.0.0.1:3000"],
];

/** What axe looks at: the whole page, or (for a state that changed only one part) that part. */
export interface AxeOptions {
  /** CSS selector of the part to check, e.g. `[role="dialog"]`. */
  axeScope?: string;
}

export interface LookOptions {
  /** Elements whose text changes from run to run (timings): shown as "…" and painted over. */
  mask?: Locator[];
  /** Other text that changes from run to run, with what to show instead (e.g. the catalog's age). */
  replace?: Array<[RegExp, string]>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class PageChecks {
  private readonly consoleErrors: string[] = [];

  private constructor(private readonly page: Page) {
    page.on("console", (message) => {
      if (message.type() === "error") this.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => this.consoleErrors.push(error.message));
  }

  /**
   * Call before the first navigation: it fixes the viewport, starts listening to the console and
   * gives the test the time the checks need.
   */
  static async start(page: Page): Promise<PageChecks> {
    test.setTimeout(Math.max(test.info().timeout, CHECK_TIMEOUT));
    await page.setViewportSize(CHECK_VIEWPORT);
    return new PageChecks(page);
  }

  /** Everything at once, in light and in dark: axe, then the screenshot `<name>-<scheme>.png`. */
  async expectAll(name: string, options: LookOptions & AxeOptions = {}) {
    await this.inEachScheme(async (colorScheme) => {
      await this.expectNoSeriousViolations(colorScheme, options);
      await this.expectScreenshot(`${name}-${colorScheme}`, options);
    });
    this.expectNoConsoleErrors();
  }

  /** axe in light, and its colour rules again in dark. */
  async expectAccessible(options: AxeOptions = {}) {
    await this.inEachScheme((colorScheme) => this.expectNoSeriousViolations(colorScheme, options));
  }

  /** The screenshots `<name>-light.png` and `<name>-dark.png` match their baselines. */
  async expectLook(name: string, options: LookOptions = {}) {
    await this.inEachScheme((colorScheme) => this.expectScreenshot(`${name}-${colorScheme}`, options));
  }

  expectNoConsoleErrors() {
    expect(this.consoleErrors, "errors in the browser console").toEqual([]);
  }

  private async inEachScheme(check: (colorScheme: ColorScheme) => Promise<void>) {
    for (const colorScheme of SCHEMES) {
      await this.page.emulateMedia({ colorScheme });
      await check(colorScheme);
    }
    await this.page.emulateMedia({ colorScheme: "light" });
  }

  private async expectNoSeriousViolations(colorScheme: ColorScheme, { axeScope }: AxeOptions) {
    let axe = new AxeBuilder({ page: this.page });
    // Only colours change with the scheme, so dark runs just the colour rules: axe is slow.
    if (colorScheme === "dark") axe = axe.withRules(COLOR_RULES);
    if (axeScope) axe = axe.include(axeScope);
    const results = await axe.analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(" ")),
      }));
    expect(serious, "serious or critical axe violations").toEqual([]);
  }

  private async expectScreenshot(name: string, { mask = [], replace = [] }: LookOptions) {
    for (const volatile of mask) {
      await volatile.evaluateAll((elements) => elements.forEach((element) => (element.textContent = "…")));
    }
    await replaceText(this.page, [...MACHINE_TEXT, ...replace]);
    await expect(this.page).toHaveScreenshot(`${name}.png`, { mask });
  }
}

/** Rewrites matching text in the page's text nodes; the page keeps working, only the words change. */
async function replaceText(page: Page, replacements: Array<[RegExp, string]>) {
  const pairs = replacements.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement] as const);
  await page.evaluate((list) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const before = node.nodeValue ?? "";
      const after = list.reduce((text, [source, flags, to]) => text.replace(new RegExp(source, flags), to), before);
      if (after !== before) node.nodeValue = after;
    }
  }, pairs);
}
