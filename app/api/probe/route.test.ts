import { describe, expect, it } from "vitest";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { getLedger } from "@/lib/server/ledger/ledger";
import { runProbe } from "@/lib/server/probe/probe-service";
import { measuredResponseSchema, probeResponseSchema, PROBE_MAX_TOKENS } from "@/lib/probe/probe-types";
import { errorOf, ledgerRows, localRequest, fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { GET, POST } from "./route";

const TOKEN = "hf_fake_probe_token_0042";
const QWEN_BACKENDS = ["novita", "featherless-ai", "nscale", "hf-inference"];
const router = fakeRouterPerFile({ token: TOKEN, chunkDelayMs: 1 });
stateDirPerTest({ prefix: "probe-route", routerUrl: () => router().url, token: TOKEN });

const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(localRequest("/api/probe", { method: "POST", body, headers }));
const measured = async (model: string) =>
  measuredResponseSchema.parse(await (await GET(localRequest(`/api/probe?model=${encodeURIComponent(model)}`))).json());

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
    const rows = await ledgerRows(4);
    expect(rows).toHaveLength(4);
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
    expect((await errorOf(refused)).code).toBe("budget_exceeded");
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
      routerUrl: router().url,
      timeoutMs: 10_000,
      signal: new AbortController().signal,
      fetchImpl,
    });
    const nscale = result.results.find((r) => r.provider === "nscale");
    expect(nscale).toMatchObject({ ok: false, status: 503, ttftMs: null, costUsd: null });
    expect(result.results.filter((r) => r.ok)).toHaveLength(3);
  });
});
