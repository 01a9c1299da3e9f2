import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { getLedger } from "@/lib/server/ledger/ledger";
import { LEDGER_FILE } from "@/lib/server/ledger/ledger-db";
import { recent } from "@/lib/server/ledger/ledger-queries";
import { statusResponseSchema } from "@/lib/catalog/catalog-types";
import { GET as status } from "../../../status/route";
import { POST } from "./route";

const TOKEN = "hf_gateway_ledger_token_42";
const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
const saved = { ...process.env };
let router: FakeRouter;
let stateDir: string;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 1 });
});
afterAll(() => router.close());

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "gateway-ledger-"));
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH", "HOST", "DASHBOARD_API_KEY"])
    delete process.env[name];
  process.env.OPENCLAW_STATE_DIR = stateDir;
  process.env.HF_PICKER_DATA_DIR = path.join(stateDir, "data");
  process.env.HF_ROUTER_URL = router.url;
  fs.writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${TOKEN}\n`);
  invalidateCatalog();
});
afterEach(() => {
  getLedger().service.close();
  process.env = { ...saved };
  fs.rmSync(stateDir, { recursive: true, force: true });
  invalidateCatalog();
});

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://127.0.0.1:3000/api/v1/chat/completions", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );

/** Every row recorded so far (the queue is written first). */
async function rows() {
  // Pricing reads the catalog before the row is queued: give that a moment.
  await expect.poll(() => getLedger().service.read((db) => recent(db, ALL_TIME)).length).toBeGreaterThan(0);
  return getLedger().service.read((db) => recent(db, ALL_TIME));
}

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
    const body = (await refused.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error).toMatchObject({ code: "budget_exceeded", type: "insufficient_quota" });
    expect(body.error.message).toMatch(/daily budget of \$0\.000001 is used up/);
    await expect.poll(async () => (await rows())[0]?.errorCode).toBe("budget_exceeded");

    getLedger().budget.set({ dailyUsd: null, monthlyUsd: null });
    expect((await chat({ model: "Qwen/Qwen3-8B:novita", messages: [{ role: "user", content: "Hi" }] })).status).toBe(
      200,
    );
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
    const dir = path.join(stateDir, "data");
    for (const file of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      expect(bytes.includes("purple-elephant"), file).toBe(false);
      expect(bytes.includes("fake router"), file).toBe(false);
    }
  });

  it("answers while the database file is damaged, and the status says so", async () => {
    const dir = path.join(stateDir, "data");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LEDGER_FILE), Buffer.alloc(8192, 7));
    const response = await chat({ model: "Qwen/Qwen3-8B", messages: [{ role: "user", content: "Hi" }], stream: true });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("[DONE]");
    await expect.poll(() => getLedger().service.pending().length).toBe(1);
    getLedger().service.flush();
    const body = statusResponseSchema.parse(
      await (await status(new Request("http://127.0.0.1:3000/api/status"))).json(),
    );
    expect(body.ledger).toMatchObject({ ok: false, pending: 1 });
    expect(body.ledger.error).toMatch(/is damaged/);
  });
});
