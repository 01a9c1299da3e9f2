import { expect, type Locator, type Page } from "@playwright/test";

/** The /playground page, in the user's words. */
export class PlaygroundPage {
  readonly model: Locator;
  readonly prompt: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly compareToggle: Locator;
  readonly snippets: Locator;

  constructor(readonly page: Page) {
    this.model = page.getByRole("combobox", { name: /^Model( A)?$/ });
    this.prompt = page.getByRole("textbox", { name: "Prompt", exact: true });
    this.sendButton = page.getByRole("button", { name: "Send", exact: true });
    this.stopButton = page.getByRole("button", { name: "Stop", exact: true });
    this.compareToggle = page.getByRole("checkbox", { name: "Compare with a second model" });
    this.snippets = page.getByRole("region", { name: "Code for this request" });
  }

  async goto(baseUrl: string, model?: string) {
    await this.page.goto(`${baseUrl}/playground${model ? `?model=${encodeURIComponent(model)}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Playground", level: 1 })).toBeVisible();
  }

  /** Types into a model picker and picks the option whose text contains `ref`. */
  async pick(combobox: Locator, query: string, ref: string) {
    await combobox.fill(query);
    await this.page.getByRole("option").filter({ hasText: ref }).first().click();
    await expect(combobox).toHaveValue(ref);
  }

  async send(text: string) {
    await this.prompt.fill(text);
    await this.sendButton.click();
  }

  column(name: "Chat" | "Model A" | "Model B"): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  replies(scope: Locator | Page = this.page): Locator {
    return scope.getByRole("article", { name: "Assistant reply" });
  }

  /** A figure under a reply: Model, Provider, Fallbacks, First token, Speed, Tokens, Cost. */
  detail(reply: Locator, label: string): Locator {
    return reply.locator(`dl[aria-label="Reply details"] dt:text-is("${label}") + dd`);
  }

  /** How fast each reply came (first token, speed): different on every run. */
  timings(): Locator {
    return this.page.locator('dl[aria-label="Reply details"] :is(dt:text-is("First token"), dt:text-is("Speed")) + dd');
  }

  async waitDone(reply: Locator) {
    await expect(reply).toHaveAttribute("data-status", /done|error|stopped/, { timeout: 15_000 });
  }
}
