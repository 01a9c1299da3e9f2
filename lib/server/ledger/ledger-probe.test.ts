import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MEASURED_RUNS } from "@/lib/probe/probe-types";
import { openLedgerDb, type LedgerDb } from "./ledger-db";
import { insertRecords } from "./ledger-insert";
import { insertProbeRun, measuredBackends } from "./ledger-probe";
import { aRecord, tempDataDir } from "./ledger-test-helpers";

let dir: string;
let db: LedgerDb;
beforeEach(() => {
  dir = tempDataDir();
  db = openLedgerDb(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A clean streamed answer of Qwen3 8B at `provider`: `ttft` ms to the first token, 20 tokens 1 s later. */
const answer = (at: number, provider: string, ttftMs: number, extra = {}) =>
  aRecord({ at, provider, ttftMs, totalMs: ttftMs + 1000, completionTokens: 20, ...extra });

describe("measuredBackends", () => {
  it("gives each provider its latest answer and the median of its newest runs, probes and chats alike", () => {
    const run = insertProbeRun(db, {
      at: 1_000,
      ref: "huggingface/Qwen/Qwen3-8B",
      estimatedCostUsd: 0.0001,
      backends: 2,
    });
    insertRecords(db, [
      answer(1_000, "together", 300, { client: "probe", probeRun: run }),
      answer(2_000, "together", 100, { client: "playground" }),
      answer(3_000, "together", 200, { client: "api" }),
      answer(1_000, "novita", 50, { client: "probe", probeRun: run }),
      // Not measurements: a failed answer, an answer after a fallback, another model.
      answer(4_000, "together", 9_000, { errorCode: "stream_interrupted" }),
      answer(4_000, "novita", 9_000, { fallbackAttempts: 1 }),
      answer(4_000, "together", 9_000, { ref: "huggingface/deepseek-ai/DeepSeek-R1" }),
    ]);
    const measured = measuredBackends(db, "Qwen/Qwen3-8B");
    expect(measured).toEqual([
      {
        provider: "together",
        runs: 3,
        latestAt: 3_000,
        latestTtftMs: 200,
        latestTokensPerSecond: 20,
        medianTtftMs: 200,
        medianTokensPerSecond: 20,
      },
      {
        provider: "novita",
        runs: 1,
        latestAt: 1_000,
        latestTtftMs: 50,
        latestTokensPerSecond: 20,
        medianTtftMs: 50,
        medianTokensPerSecond: 20,
      },
    ]);
  });

  it(`takes the median over the newest ${MEASURED_RUNS} runs only`, () => {
    const old = Array.from({ length: 5 }, (_, i) => answer(i, "together", 10_000));
    const recentRuns = Array.from({ length: MEASURED_RUNS }, (_, i) => answer(100 + i, "together", 100 + i));
    insertRecords(db, [...old, ...recentRuns]);
    const [together] = measuredBackends(db, "Qwen/Qwen3-8B");
    expect(together).toMatchObject({ runs: MEASURED_RUNS, latestTtftMs: 100 + MEASURED_RUNS - 1 });
    expect(together?.medianTtftMs).toBeCloseTo(100 + (MEASURED_RUNS - 1) / 2);
  });

  it("is empty for a model nobody measured", () => {
    expect(measuredBackends(db, "nobody/nothing")).toEqual([]);
  });
});
