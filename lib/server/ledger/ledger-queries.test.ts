import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openLedgerDb, type LedgerDb } from "./ledger-db";
import { insertRecords } from "./ledger-insert";
import { byDay, byModel, recent, rowsPage, spentSince, totals } from "./ledger-queries";
import { byBackend, byProvider } from "./ledger-speed";
import { pruneOlderThan } from "./ledger-retention";
import { aRecord, tempDataDir } from "./ledger-test-helpers";

const at = (day: number, hour = 12) => new Date(2025, 0, day, hour).getTime();
const JANUARY = { fromMs: at(1, 0), toMs: at(32, 0) };

let dir: string;
let db: LedgerDb;
beforeEach(() => {
  dir = tempDataDir();
  db = openLedgerDb(dir);
  insertRecords(db, [
    aRecord({ at: at(10), costUsd: 0.001, promptTokens: 100, completionTokens: 200, ttftMs: 100, totalMs: 1100 }),
    aRecord({ at: at(10, 13), costUsd: 0.002, ttftMs: 300, totalMs: 2300, completionTokens: 100 }),
    aRecord({
      at: at(11),
      ref: "huggingface/deepseek-ai/DeepSeek-R1:cheapest",
      provider: "novita",
      client: "playground",
      costUsd: null,
      priceInput: null,
      priceOutput: null,
      attempts: [
        { ref: "huggingface/deepseek-ai/DeepSeek-R1:cheapest", provider: "novita", status: 200, outcome: "ok", ms: 90 },
      ],
    }),
    aRecord({
      at: at(11, 14),
      ref: "huggingface/deepseek-ai/DeepSeek-R1",
      provider: "sambanova",
      fallbackAttempts: 1,
      costUsd: 0.01,
      attempts: [
        { ref: "huggingface/Qwen/Qwen3-8B", provider: "together", status: 503, outcome: "503", ms: 20 },
        { ref: "huggingface/deepseek-ai/DeepSeek-R1", provider: "sambanova", status: 200, outcome: "ok", ms: 80 },
      ],
    }),
    aRecord({
      at: at(12),
      ref: null,
      provider: null,
      status: 402,
      errorCode: "budget_exceeded",
      costUsd: null,
      promptTokens: null,
      completionTokens: null,
      ttftMs: null,
      attempts: [],
    }),
    aRecord({ at: at(12, 15), errorCode: "client_closed_request", costUsd: 0.0005 }),
    aRecord({ at: at(2, 1) - 40 * 24 * 3600 * 1000, costUsd: 5 }),
  ]);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ledger queries", () => {
  it("sums requests, errors, tokens and known costs in the range", () => {
    expect(totals(db, JANUARY)).toEqual({
      requests: 6,
      errors: 1,
      promptTokens: 100 + 10 * 4,
      completionTokens: 200 + 100 + 50 * 3,
      costUsd: 0.0135,
      unpricedRequests: 1,
    });
  });

  it("groups by local day with a split by model, and by model", () => {
    const days = byDay(db, JANUARY);
    expect(days.map((d) => [d.day, d.requests])).toEqual([
      ["2025-01-10", 2],
      ["2025-01-11", 2],
      ["2025-01-12", 2],
    ]);
    expect(days[1]?.models).toEqual([{ model: "deepseek-ai/DeepSeek-R1", requests: 2, costUsd: 0.01 }]);
    expect(byModel(db, JANUARY).map((m) => [m.model, m.requests, m.costUsd])).toEqual([
      ["deepseek-ai/DeepSeek-R1", 2, 0.01],
      ["Qwen/Qwen3-8B", 3, 0.0035],
      [null, 1, 0],
    ]);
  });

  it("measures each provider: median TTFT and tokens/s of clean streams, failed attempts", () => {
    const providers = byProvider(db, JANUARY);
    const together = providers.find((p) => p.provider === "together");
    expect(together).toMatchObject({ requests: 3, attempts: 4, failedAttempts: 1, medianTtftMs: 200 });
    // 200 tokens in 1 s and 100 tokens in 2 s: median of 200 and 50 tokens/s.
    expect(together?.medianTokensPerSecond).toBeCloseTo(125);
    // A fallback answer is not a clean measurement of the provider's first token.
    expect(providers.find((p) => p.provider === "sambanova")?.medianTtftMs).toBeNull();
  });

  it("measures each backend (model and provider) that answered", () => {
    expect(byBackend(db, JANUARY)).toEqual([
      { model: "Qwen/Qwen3-8B", provider: "together", requests: 3, medianTtftMs: 200, medianTokensPerSecond: 125 },
      {
        model: "deepseek-ai/DeepSeek-R1",
        provider: "novita",
        requests: 1,
        medianTtftMs: 100,
        medianTokensPerSecond: 50,
      },
      {
        model: "deepseek-ai/DeepSeek-R1",
        provider: "sambanova",
        requests: 1,
        medianTtftMs: null,
        medianTokensPerSecond: null,
      },
    ]);
  });

  it("lists recent requests newest first, with filters", () => {
    expect(recent(db, JANUARY).map((r) => r.at)).toEqual(
      [at(12, 15), at(12), at(11, 14), at(11), at(10, 13), at(10)].map((ms) => new Date(ms).toISOString()),
    );
    expect(recent(db, JANUARY, { status: "error" }).map((r) => r.errorCode)).toEqual(["budget_exceeded"]);
    expect(recent(db, JANUARY, { client: "playground" })).toHaveLength(1);
    expect(recent(db, JANUARY, { provider: "novita", model: "deepseek-ai/DeepSeek-R1" })).toHaveLength(1);
    expect(recent(db, JANUARY, { limit: 2 })).toHaveLength(2);
  });

  it("pages through every row for the export, and sums what was spent since a time", () => {
    const first = rowsPage(db, JANUARY, 0, 4);
    const rest = rowsPage(db, JANUARY, first.at(-1)?.id ?? 0, 4);
    expect([...first, ...rest]).toHaveLength(6);
    expect(spentSince(db, at(11, 0))).toBeCloseTo(0.0105);
  });
});

describe("retention", () => {
  it("removes requests older than the kept days, with their attempts, and keeps the rest", () => {
    expect(pruneOlderThan(db, 90, at(12, 16), 2)).toBe(0);
    expect(pruneOlderThan(db, 1, at(12, 16), 2)).toBe(5);
    expect(totals(db, { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER }).requests).toBe(2);
    expect(db.prepare("SELECT COUNT(*) AS n FROM request_attempts").get()).toMatchObject({ n: 1 });
  });
});
