import { expect, type Page, test } from "@playwright/test";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { estimateCost, formatCost } from "@/lib/chat/usage-cost";
import { formatCount } from "@/lib/format";
import { e2e } from "./env";
import { QWEN, removeConfig, writeConfig } from "./pages/config-file";
import { PlaygroundPage } from "./pages/playground-page";
import { UsagePage } from "./pages/usage-page";
import { localDay, seedLedger, type SeedRequest } from "./support/ledger-seed";
import { PageChecks } from "./support/page-checks";

const stateDir = e2e.live.stateDir;
const R1_CHEAPEST = "huggingface/deepseek-ai/DeepSeek-R1:cheapest";
const QWEN_NOVITA = `${QWEN}:novita`;

/** What the page check shows: two days of requests from every kind of client, one failed. */
const SEEDED: SeedRequest[] = [
  {
    daysAgo: 5,
    time: [9, 12],
    client: "playground",
    ref: QWEN_NOVITA,
    provider: "novita",
    status: 200,
    ttftMs: 410,
    totalMs: 1900,
    promptTokens: 120,
    completionTokens: 380,
    costUsd: 0.000101,
  },
  {
    daysAgo: 5,
    time: [11, 40],
    client: "openclaw",
    ref: R1_CHEAPEST,
    provider: "novita",
    status: 200,
    ttftMs: 820,
    totalMs: 6400,
    promptTokens: 2400,
    completionTokens: 900,
    costUsd: 0.00348,
  },
  {
    daysAgo: 4,
    time: [10, 5],
    client: "api",
    ref: QWEN,
    provider: "nscale",
    status: 503,
    errorCode: "upstream_unavailable",
    totalMs: 300,
  },
  {
    daysAgo: 4,
    time: [15, 30],
    client: "openclaw",
    ref: QWEN,
    provider: "nscale",
    status: 200,
    ttftMs: 350,
    totalMs: 2100,
    promptTokens: 1800,
    completionTokens: 640,
    costUsd: 0.000244,
  },
];

/** Sends one prompt from the playground and returns what the reply says about tokens and provider. */
async function chat(page: Page, model: string, prompt: string) {
  const playground = new PlaygroundPage(page);
  await playground.goto(e2e.live.url, model);
  await playground.send(prompt);
  const reply = playground.replies().first();
  await playground.waitDone(reply);
  await expect(reply).toHaveAttribute("data-status", "done");
  const tokens = (await playground.detail(reply, "Tokens").textContent()) ?? "";
  const [, promptTokens = "", completionTokens = ""] = /^([\d,]+) in · ([\d,]+) out$/.exec(tokens) ?? [];
  return {
    provider: (await playground.detail(reply, "Provider").textContent()) ?? "",
    promptTokens: Number(promptTokens.replace(/,/g, "")),
    completionTokens: Number(completionTokens.replace(/,/g, "")),
  };
}

test.describe("usage", () => {
  test.beforeEach(() => writeConfig(stateDir, `{ agents: { defaults: { model: { primary: "${QWEN}" } } } }\n`));
  test.afterEach(async ({ request }) => {
    await request.put("/api/usage/budget", { data: { dailyUsd: null, monthlyUsd: null } });
  });
  test.afterAll(() => removeConfig(stateDir));

  test("shows the playground's chats with provider, tokens and the cost at that provider's price", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const first = await chat(page, QWEN_NOVITA, "How much does this cost?");
    const second = await chat(page, R1_CHEAPEST, "And this one, routed to the cheapest backend?");
    const catalog = decodeCatalog(wireCatalogSchema.parse(await (await request.get("/api/models")).json()));
    const costOf = (ref: string, answer: typeof first) => {
      const pricing = catalog.models
        .find((m) => m.ref === ref.replace(/:.*$/, ""))
        ?.providers.find((p) => p.provider === answer.provider)?.pricing;
      expect(pricing, `${ref} at ${answer.provider} has a price`).toBeDefined();
      return formatCost(estimateCost(answer, pricing ? { pricing, from: "provider" } : null));
    };

    const usage = new UsagePage(page);
    await usage.goto(e2e.live.url);
    await usage.filter("Client", "playground");
    const rows = usage.rows();
    // Newest first: the second chat, then the first.
    for (const [index, ref, answer] of [
      [0, R1_CHEAPEST, second],
      [1, QWEN_NOVITA, first],
    ] as const) {
      const row = rows.nth(index);
      await expect(await usage.cell(row, "Model")).toContainText(ref.replace("huggingface/", ""));
      await expect(await usage.cell(row, "Provider")).toHaveText(answer.provider);
      await expect(await usage.cell(row, "Client")).toHaveText("playground");
      await expect(await usage.cell(row, "Status")).toHaveText("200");
      await expect(await usage.cell(row, "Tokens in")).toHaveText(formatCount(answer.promptTokens));
      await expect(await usage.cell(row, "Tokens out")).toHaveText(formatCount(answer.completionTokens));
      await expect(await usage.cell(row, "Cost")).toHaveText(costOf(ref, answer));
    }
    // :cheapest was answered by the provider with the lowest output price, and priced at that provider.
    const r1 = catalog.models.find((m) => m.ref === "huggingface/deepseek-ai/DeepSeek-R1");
    const cheapest = r1?.providers
      .filter((p) => p.pricing && p.status === "live")
      .sort((a, b) => (a.pricing?.output ?? 0) - (b.pricing?.output ?? 0))[0];
    expect(second.provider).toBe(cheapest?.provider);

    await usage.chart("Per day, by model").getByRole("button", { name: "Show as table" }).click();
    await expect(usage.chart("Per day, by model").getByRole("table")).toContainText("Qwen3 8B");
  });

  test("a budget that is used up refuses the next chat with budget_exceeded, and nothing else breaks", async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    await chat(page, QWEN_NOVITA, "One paid request first");
    const usage = new UsagePage(page);
    await usage.goto(e2e.live.url);
    await usage.dailyBudget.fill("0.000001");
    await usage.budgets.getByRole("button", { name: "Save budgets" }).click();
    await expect(usage.budgets.getByRole("alert")).toHaveText("The daily budget is used up: new requests are refused.");
    await expect(usage.budgets).toContainText("$0 left");

    const playground = new PlaygroundPage(page);
    await playground.goto(e2e.live.url, QWEN_NOVITA);
    await playground.send("Over budget?");
    const reply = playground.replies().first();
    await playground.waitDone(reply);
    await expect(reply).toHaveAttribute("data-status", "error");
    await expect(reply.getByRole("alert")).toContainText("The daily budget of $0.000001 is used up");
    await expect(reply.getByRole("alert")).toContainText("HTTP 402 · budget_exceeded");
    await expect(reply.getByRole("link", { name: "See spending and budgets" })).toHaveAttribute("href", "/usage");

    // The rest of the dashboard works as before, and the refusal is in the ledger.
    expect((await request.get("/api/models")).ok()).toBe(true);
    expect((await request.get("/api/settings")).ok()).toBe(true);
    await usage.goto(e2e.live.url);
    await expect(await usage.cell(usage.rows().first(), "Status")).toHaveText("402 budget_exceeded");

    await usage.budgets.getByRole("button", { name: "Remove budgets" }).click();
    await expect(usage.budgets.getByRole("alert")).toBeHidden();
    await chat(page, QWEN_NOVITA, "Back under budget");
  });

  test("refuses a budget that is not an amount, with the reason next to the field", async ({ page }) => {
    const usage = new UsagePage(page);
    await usage.goto(e2e.live.url);
    await usage.monthlyBudget.fill("ten dollars");
    await usage.budgets.getByRole("button", { name: "Save budgets" }).click();
    await expect(usage.monthlyBudget).toHaveAttribute("aria-invalid", "true");
    await expect(usage.budgets).toContainText("Enter an amount in US dollars");
    await expect(usage.monthlyBudget).toHaveValue("ten dollars");
  });

  test("is accessible, matches its light and dark screenshots and logs no errors, charts and tables", async ({
    page,
    request,
  }) => {
    // Fixed requests on past days, shown alone by picking those days: the same figures on every run.
    expect((await request.get("/api/usage")).ok()).toBe(true); // opens (and migrates) the ledger
    seedLedger(stateDir, SEEDED);
    const checks = await PageChecks.start(page);
    const usage = new UsagePage(page);
    await usage.goto(e2e.live.url);
    await usage.range(localDay(6), localDay(3));
    await expect(usage.rows()).toHaveCount(SEEDED.length);
    const look = {
      // Dates move with today: the date inputs and request times are painted over, the days renamed.
      mask: [usage.rangeInputs(), usage.recent.locator("time")],
      replace: [
        [/^\d\d-\d\d$/, "day"],
        [/(Today|This month): \$[\d.,]+ spent/g, "$1: $… spent"],
      ] as Array<[RegExp, string]>,
    };
    await checks.expectAll("usage", look);

    for (const title of ["Per day, by model", "Backends: measured by you vs advertised", "Error rate per provider"]) {
      await usage.chart(title).getByRole("button", { name: "Show as table" }).click();
    }
    await expect(usage.chart("Per day, by model").getByRole("table")).toContainText("Qwen3 8B");
    await checks.expectAccessible();
    checks.expectNoConsoleErrors();
  });
});
