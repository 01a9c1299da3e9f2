import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LedgerRecord } from "./ledger-insert";

/** A fresh temporary data folder; remove it with `fs.rmSync(dir, { recursive: true })`. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ledger-test-"));
}

/** A recorded streamed answer from together for Qwen3 8B, with whatever the test changes. */
export function aRecord(overrides: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    at: Date.now(),
    client: "api",
    requested: "default",
    ref: "huggingface/Qwen/Qwen3-8B",
    provider: "together",
    status: 200,
    errorCode: null,
    stream: true,
    fallbackAttempts: 0,
    ttftMs: 100,
    totalMs: 1100,
    promptTokens: 10,
    completionTokens: 50,
    tokensEstimated: false,
    costUsd: 0.00003,
    priceInput: 0.2,
    priceOutput: 0.6,
    attempts: [{ ref: "huggingface/Qwen/Qwen3-8B", provider: "together", status: 200, outcome: "ok", ms: 100 }],
    ...overrides,
  };
}
