import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { getCatalog, invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { getLedger } from "@/lib/server/ledger/ledger";
import { recent } from "@/lib/server/ledger/ledger-queries";
import { runProbe } from "@/lib/server/probe/probe-service";
import { measuredResponseSchema, probeResponseSchema, PROBE_MAX_TOKENS } from "@/lib/probe/probe-types";
import { GET, POST } from "./route";

const TOKEN = "hf_fake_probe_token_0042";
const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
const QWEN_BACKENDS = ["novita", "featherless-ai", "nscale", "hf-inference"];
const saved = { ...process.env };
let router: FakeRouter;
let stateDir: string;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 1 });
});
afterAll(() => router.close());

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-route-"));
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH", "HOST"]) delete process.env[name];
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

const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://127.0.0.1:3000/api/probe", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
const measured = async (model: string) =>
  measuredResponseSchema.parse(
    await (await GET(new Request(`http://127.0.0.1:3000/api/probe?model=${encodeURIComponent(model)}`))).json(),
  );

describe("POST /api/probe", () => {
  it("sends one tiny streamed request to each live backend, pinned, and prices each at its provider", async () => {
    const response = await post({ ref: "huggingface/Qwen/Qwen3-8B:cheapest" });
    expect(response.status).toBe(200);
    const body = probeResponseSchema.parse(await response.json());
    expect(body.results.map((r) => r.provider).sort()).toEqual([...QWEN_BACKENDS].sort());
    const model = (await getCatalog()).models.find((m) => m.id === "Qwen/Qwen3-8B");
    for (const result of body.results) {
      expect(result).toMatchObject({
        ok: true,
        status: 200,
        errorCode: null,
        ref: `huggingface/Qwen/Qwen3-8B:${result.provider}`,
      });
      expect(result.completionTokens).toBeLessThanOrEqual(PROBE_MAX_TOKENS);
      expect(result.ttftMs).not.toBeNull();
      const backend = model?.providers.find((p) => p.provider === result.provider);
      if (result.provider === "hf-inference") expect(result.costUsd).toBe(0);
      else if (!backend?.pricing) expect(result.costUsd).toBeNull();
      else {
        const { input, output } = backend.pricing;
        expect(result.costUsd).toBeCloseTo(
          ((result.promptTokens ?? 0) * input + (result.completionTokens ?? 0) * output) / 1e6,
          12,
        );
      }
    }
    // The estimate shown beforehand is an upper bound of what the run cost.
    expect(body.estimatedCostUsd).toBeGreaterThanOrEqual(body.costUsd);

    // Stored as probe requests of one run.
    await expect.poll(() => getLedger().service.read((db) => recent(db, ALL_TIME)).length).toBe(4);
    const rows = getLedger().service.read((db) => recent(db, ALL_TIME));
    expect(new Set(rows.map((r) => r.client))).toEqual(new Set(["probe"]));
    const runs = getLedger().service.read((db) => db.prepare("SELECT probe_run FROM requests").pluck().all());
    expect(new Set(runs)).toEqual(new Set([body.runId]));

    // "Measured by you" now has a figure for every backend.
    const figures = await measured("Qwen/Qwen3-8B");
    expect(figures.providers.map((p) => p.provider).sort()).toEqual([...QWEN_BACKENDS].sort());
    expect(figures.providers.every((p) => p.runs === 1 && p.medianTtftMs === p.latestTtftMs)).toBe(true);
  });

  it("refuses an unknown model, a bad body, a foreign origin and a used-up budget", async () => {
    expect((await post({ ref: "huggingface/nobody/nothing" })).status).toBe(404);
    expect((await post({})).status).toBe(400);
    expect((await post({ ref: "Qwen/Qwen3-8B" }, { origin: "http://evil.example" })).status).toBe(403);
    getLedger().budget.set({ dailyUsd: 0.000001, monthlyUsd: null });
    getLedger().service.record({
      ...(await import("@/lib/server/ledger/ledger-test-helpers")).aRecord({ costUsd: 0.01 }),
    });
    const refused = await post({ ref: "Qwen/Qwen3-8B" });
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("budget_exceeded");
  });
});

describe("runProbe", () => {
  it("reports a failing backend with its status while the others answer", async () => {
    const fetchImpl: typeof fetch = (input, init) => {
      const model = (JSON.parse(String(init?.body)) as { model: string }).model;
      if (model.endsWith(":nscale")) return Promise.resolve(new Response("overloaded", { status: 503 }));
      return fetch(input, init);
    };
    const result = await runProbe("Qwen/Qwen3-8B", {
      models: (await getCatalog()).models,
      ledger: getLedger(),
      token: TOKEN,
      routerUrl: router.url,
      timeoutMs: 10_000,
      signal: new AbortController().signal,
      fetchImpl,
    });
    const nscale = result.results.find((r) => r.provider === "nscale");
    expect(nscale).toMatchObject({ ok: false, status: 503, ttftMs: null, costUsd: null });
    expect(result.results.filter((r) => r.ok)).toHaveLength(3);
  });
});
