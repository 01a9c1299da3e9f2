import { expect, test } from "@playwright/test";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { estimateCost, formatCost } from "@/lib/chat/usage-cost";
import { e2e } from "./env";
import { removeConfig, writeConfig } from "./pages/config-file";
import { PlaygroundPage } from "./pages/playground-page";
import { PageChecks } from "./support/page-checks";

const stateDir = e2e.live.stateDir;
const QWEN = "huggingface/Qwen/Qwen3-8B";

function config(primary: string, fallbacks: string[] = []) {
  return `{
  // written by playground.spec.ts
  agents: { defaults: {
    model: { primary: "${primary}", fallbacks: ${JSON.stringify(fallbacks)} },
    models: { "${QWEN}:novita": { alias: "Nova" } },
  } },
}
`;
}

test.describe("playground", () => {
  test.beforeEach(() => writeConfig(stateDir, config(QWEN)));
  test.afterAll(() => removeConfig(stateDir));

  test("streams the answer, then shows who answered, how fast and what it cost", async ({ page, request }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await expect(playground.model).toHaveValue("default");
    await playground.pick(playground.model, "nova", "Nova");

    await playground.send("Explain streaming in one line");
    const reply = playground.replies().first();
    // Text is on screen while the reply is still streaming: tokens arrive before the answer ends.
    await page.waitForFunction(() => {
      const article = document.querySelector('article[data-status="streaming"]');
      return (article?.querySelector(".markdown")?.textContent ?? "").length > 0;
    });
    await playground.waitDone(reply);
    await expect(reply).toHaveAttribute("data-status", "done");

    await expect(reply.locator(".markdown li").first()).toHaveText("streamed word by word");
    await expect(reply.locator(".markdown pre code")).toContainText("client.chat.completions.create");
    await expect(reply.locator("summary", { hasText: "Reasoning" })).toBeVisible();
    await expect(playground.detail(reply, "Model")).toHaveText(`${QWEN}:novita`);
    await expect(playground.detail(reply, "Provider")).toHaveText("novita");
    await expect(playground.detail(reply, "First token")).toHaveText(/^\d+(\.\d+)? m?s$/);
    await expect(playground.detail(reply, "Speed")).toHaveText(/tok\/s$/);
    const tokens = await playground.detail(reply, "Tokens").textContent();
    const [, inTokens, outTokens] = /^([\d,]+) in · ([\d,]+) out$/.exec(tokens ?? "") ?? [];
    expect(outTokens).toBeDefined();

    // The cost is the catalog price of the provider that answered, applied to the usage.
    const catalog = decodeCatalog(wireCatalogSchema.parse(await (await request.get("/api/models")).json()));
    const pricing = catalog.models.find((m) => m.ref === QWEN)?.providers.find((p) => p.provider === "novita")?.pricing;
    const usage = {
      promptTokens: Number(inTokens!.replace(/,/g, "")),
      completionTokens: Number(outTokens!.replace(/,/g, "")),
    };
    const expected = formatCost(estimateCost(usage, pricing ? { pricing, from: "provider" } : null));
    await expect(playground.detail(reply, "Cost")).toHaveText(expected);
  });

  test("Stop ends a reply that is still waiting", async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url, "huggingface/fault/hang");
    await expect(playground.model).toHaveValue("huggingface/fault/hang");
    await playground.send("Anyone there?");
    const reply = playground.replies().first();
    await expect(reply).toContainText("Waiting for the first token…");
    await playground.stopButton.click();
    await expect(reply).toHaveAttribute("data-status", "stopped");
    await expect(reply).toContainText("Stopped.");
    await expect(playground.stopButton).toBeHidden();
    await playground.prompt.fill("Next question");
    await expect(playground.sendButton).toBeEnabled();
  });

  test("Stop ends a reply mid-stream and keeps what arrived", async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url, "huggingface/fault/slow");
    await playground.send("Take your time");
    const reply = playground.replies().first();
    // The slow fault streams a chunk every 250 ms: the first words show while the reply is still streaming.
    await expect(reply).toContainText("You asked");
    await expect(playground.stopButton).toBeVisible();
    await playground.stopButton.click();
    await expect(reply).toHaveAttribute("data-status", "stopped");
    await expect(reply).toContainText("You asked");
    await expect(reply).not.toContainText("Done.");
  });

  test("shows the fallback that answered when the primary fails", async ({ page }) => {
    writeConfig(stateDir, config("huggingface/fault/status-503", [QWEN]));
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await expect(playground.model).toHaveValue("default");
    await playground.send("Hello");
    const reply = playground.replies().first();
    await playground.waitDone(reply);
    await expect(playground.detail(reply, "Model")).toHaveText(QWEN);
    await expect(playground.detail(reply, "Fallbacks")).toHaveText("1 (huggingface/fault/status-503=503)");
  });

  test("shows the router's error clearly in the reply", async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url, "huggingface/fault/status-402");
    await playground.send("Hello");
    const alert = playground.replies().first().getByRole("alert");
    await expect(alert).toContainText("out of Inference Providers credits");
    await expect(alert).toContainText("HTTP 402 · insufficient_credits");
  });

  test("keeps HTML in answers as text, and splits <think> reasoning out", async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url, "huggingface/Qwen/Qwen3-4B-Thinking-2507");
    await playground.send('<img src=x onerror="window.pwned=1"> <b>bold</b>');
    const reply = playground.replies().first();
    await playground.waitDone(reply);
    await expect(reply.locator(".markdown img, .markdown b")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await expect(reply.locator(".markdown")).not.toContainText("<think>");
    await reply.locator("summary", { hasText: "Reasoning" }).click();
    await expect(reply.locator("details")).toContainText("I will answer briefly");
  });

  test("compares two models side by side with one prompt", async ({ page }) => {
    test.setTimeout(60_000);
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await playground.compareToggle.check();
    const modelB = page.getByRole("combobox", { name: "Model B" });
    await playground.pick(modelB, "Llama-3.1-8B", "huggingface/meta-llama/Llama-3.1-8B-Instruct");
    await playground.send("Which model are you?");
    const a = playground.replies(playground.column("Model A"));
    const b = playground.replies(playground.column("Model B"));
    await playground.waitDone(a.first());
    await playground.waitDone(b.first());
    await expect(playground.detail(a.first(), "Model")).toHaveText(QWEN);
    await expect(playground.detail(b.first(), "Model")).toHaveText("huggingface/meta-llama/Llama-3.1-8B-Instruct");
    await expect(b.first().locator(".markdown")).toContainText("meta-llama/Llama-3.1-8B-Instruct");

    // The two run independently: A answers in full while B is still waiting on a model that hangs.
    await playground.pick(modelB, "fault/hang", "huggingface/fault/hang");
    await playground.send("And now?");
    await expect(a.nth(1)).toHaveAttribute("data-status", "done", { timeout: 15_000 });
    await expect(b.nth(1)).toHaveAttribute("data-status", "waiting");
    await playground.stopButton.click();
    await expect(b.nth(1)).toHaveAttribute("data-status", "stopped");
  });

  test("compare mode shows the code for both models", async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await playground.compareToggle.check();
    await playground.pick(
      page.getByRole("combobox", { name: "Model B" }),
      "Llama-3.1-8B",
      "huggingface/meta-llama/Llama-3.1-8B-Instruct",
    );
    const codeA = page.getByRole("region", { name: "Code for model A" }).getByRole("tabpanel");
    const codeB = page.getByRole("region", { name: "Code for model B" }).getByRole("tabpanel");
    await expect(codeA).toContainText('"model": "Qwen/Qwen3-8B"');
    await expect(codeB).toContainText('"model": "meta-llama/Llama-3.1-8B-Instruct"');
  });

  test("offers the current request as curl, JavaScript and Python code", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await expect(playground.model).toHaveValue("default");
    await playground.prompt.fill("What is 2+2?");
    const code = playground.snippets.getByRole("tabpanel");

    await expect(code).toContainText('"model": "Qwen/Qwen3-8B"');
    await expect(code).toContainText("Authorization: Bearer $HF_TOKEN");
    await expect(code).toContainText("What is 2+2?");

    await playground.snippets.getByRole("tab", { name: "Python" }).click();
    await playground.snippets.getByRole("radio", { name: "This dashboard" }).check();
    await expect(code).toContainText("from openai import OpenAI");
    await expect(code).toContainText(`base_url="${e2e.live.url}/api/v1"`);
    await expect(code).toContainText('model="default"');

    const copy = playground.snippets.getByRole("button", { name: "Copy code" });
    await copy.click();
    await expect(copy).toHaveText(/Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('model="default"');
  });

  test("is accessible, matches its light and dark screenshots and logs no errors, alone and comparing", async ({
    page,
  }) => {
    writeConfig(stateDir, config("huggingface/fault/status-503", [QWEN]));
    const checks = await PageChecks.start(page);
    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url);
    await playground.send("Give me a short list and a code sample");
    await playground.waitDone(playground.replies().first());
    await checks.expectAll("playground", { mask: [playground.timings()] });

    await playground.compareToggle.check();
    await playground.send("And now both of you");
    await playground.waitDone(playground.replies(playground.column("Model B")).first());
    await checks.expectLook("playground-compare", { mask: [playground.timings()] });
    checks.expectNoConsoleErrors();
  });
});
