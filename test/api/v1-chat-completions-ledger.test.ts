import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getLedger } from "@/lib/server/ledger/ledger";
import { LEDGER_FILE } from "@/lib/server/ledger/ledger-db";
import { statusResponseSchema } from "@/lib/catalog/catalog-types";
import { errorOf, ledgerRows as rows, localRequest, fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { GET as status } from "@/app/api/status/route";
import handler from "@/pages/api/v1/chat/completions";
import { callApiRoute } from "@/test/api-route";

const TOKEN = "hf_gateway_ledger_token_42";
const router = fakeRouterPerFile({ token: TOKEN, chunkDelayMs: 1 });
const dirs = stateDirPerTest({ prefix: "gateway-ledger", routerUrl: () => router().url, token: TOKEN });

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  callApiRoute(handler, localRequest("/api/v1/chat/completions", { method: "POST", body, headers }));

describe("the gateway records every request in the usage ledger", () => {
  it("labels the playground by its header, priced at the provider that answered", async () => {
    const response = await chat(
      { model: "Qwen/Qwen3-8B:cheapest", messages: [{ role: "user", content: "Hi" }], stream: true },
      { "x-hf-picker-client": "playground" },
    );
    await response.text();
    const [row] = await rows();
    const catalog = await import("@/lib/server/catalog/catalog-service").then((m) => m.getCatalog());
    const price = catalog.models
      .find((m) => m.id === "Qwen/Qwen3-8B")
      ?.providers.find((p) => p.provider === row?.provider)?.pricing;
    expect(row).toMatchObject({
      client: "playground",
      requested: "Qwen/Qwen3-8B:cheapest",
      ref: "huggingface/Qwen/Qwen3-8B:cheapest",
      provider: response.headers.get("x-inference-provider"),
      status: 200,
      stream: true,
      tokensEstimated: false,
    });
    expect(price).toBeDefined();
    expect(row?.costUsd).toBeCloseTo(
      ((row?.promptTokens ?? 0) * price!.input + (row?.completionTokens ?? 0) * price!.output) / 1e6,
      12,
    );
  });

  it("labels other clients `api` and records refusals of the gateway's own", async () => {
    const response = await chat(
      { model: "no-such-alias", messages: [{ role: "user", content: "Hi" }] },
      {
        "x-hf-picker-client": "openclaw",
      },
    );
    expect(response.status).toBe(400);
    const [row] = await rows();
    expect(row).toMatchObject({ client: "api", requested: "no-such-alias", status: 400, ref: null, costUsd: null });
  });

  it("refuses with budget_exceeded once the daily budget is used up, and records that", async () => {
    await (await chat({ model: "Qwen/Qwen3-8B:novita", messages: [{ role: "user", content: "Hi" }] })).text();
    await rows();
    getLedger().budget.set({ dailyUsd: 0.000001, monthlyUsd: null });
    const refused = await chat({ model: "Qwen/Qwen3-8B:novita", messages: [{ role: "user", content: "Hi" }] });
    expect(refused.status).toBe(402);
    const error = await errorOf(refused);
    expect(error).toMatchObject({ code: "budget_exceeded", type: "insufficient_quota" });
    expect(error.message).toMatch(/daily budget of \$0\.000001 is used up/);
    await expect.poll(async () => (await rows())[0]?.errorCode).toBe("budget_exceeded");

    getLedger().budget.set({ dailyUsd: null, monthlyUsd: null });
    expect((await chat({ model: "Qwen/Qwen3-8B:novita", messages: [{ role: "user", content: "Hi" }] })).status).toBe(
      200,
    );
  });

  it("records a stream the client walked away from as client_closed_request, and stops the upstream one", async () => {
    const response = await chat({
      model: "huggingface/fault/slow",
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(async () => (await rows())[0]?.errorCode).toBe("client_closed_request");
  });

  it("never stores the prompt or the answer", async () => {
    const secret = "purple-elephant-7319 my private question";
    const response = await chat({
      model: "Qwen/Qwen3-8B",
      messages: [{ role: "user", content: secret }],
      stream: true,
    });
    const answer = await response.text();
    expect(answer).toContain("purple-elephant-7319");
    await rows();
    getLedger().service.close();
    for (const file of fs.readdirSync(dirs.dataDir)) {
      const bytes = fs.readFileSync(path.join(dirs.dataDir, file));
      expect(bytes.includes("purple-elephant"), file).toBe(false);
      expect(bytes.includes("fake router"), file).toBe(false);
    }
  });

  it("answers while the database file is damaged, and the status says so", async () => {
    fs.mkdirSync(dirs.dataDir, { recursive: true });
    fs.writeFileSync(path.join(dirs.dataDir, LEDGER_FILE), Buffer.alloc(8192, 7));
    const response = await chat({ model: "Qwen/Qwen3-8B", messages: [{ role: "user", content: "Hi" }], stream: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("[DONE]");
    await expect.poll(() => getLedger().service.pending().length).toBe(1);
    getLedger().service.flush();
    const body = statusResponseSchema.parse(await (await status(localRequest("/api/status"))).json());
    expect(body.ledger).toMatchObject({ ok: false, pending: 1 });
    expect(body.ledger.error).toMatch(/is damaged/);
  });
});
