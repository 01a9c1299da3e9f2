import "server-only";
import type { LedgerClient } from "@/lib/usage/usage-types";
import { parseRef } from "@/lib/refs";
import type { LedgerDb } from "./ledger-db";

/** One upstream try of a request: the answering one and each that failed before it. */
export interface LedgerAttempt {
  ref: string;
  provider: string | null;
  /** The router's HTTP status, null when there was none (network error, timeout). */
  status: number | null;
  /** `ok`, or what went wrong: `503`, `timeout`, `network`, `bad-response`, `client-aborted`. */
  outcome: string;
  /** From the start of this try until it answered or failed. */
  ms: number | null;
}

/** One client request through the gateway, as recorded. Never any prompt or answer text. */
export interface LedgerRecord {
  /** Epoch ms the request arrived. */
  at: number;
  client: LedgerClient;
  requested: string | null;
  /** The ref that answered, or the last one tried when none did. */
  ref: string | null;
  provider: string | null;
  /** The HTTP status the client got. */
  status: number;
  /** The error code the client got (in the body or, mid-stream, in an error event). */
  errorCode: string | null;
  stream: boolean;
  fallbackAttempts: number;
  /** ms from the request's arrival to the first text; streams only. */
  ttftMs: number | null;
  totalMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  tokensEstimated: boolean;
  costUsd: number | null;
  /** The price per 1M tokens the cost was computed with, kept since prices change. */
  priceInput: number | null;
  priceOutput: number | null;
  attempts: readonly LedgerAttempt[];
  probeRun?: number | null;
}

/** Hub id without suffix (`org/model`) of a ref, the key the usage page groups by. */
export function modelOfRef(ref: string | null): string | null {
  if (!ref) return null;
  try {
    return parseRef(ref).id;
  } catch {
    return null;
  }
}

const round = (ms: number | null) => (ms === null ? null : Math.round(ms));

/** Writes the records in one transaction: all of them or none (the caller keeps them to retry). */
export function insertRecords(db: LedgerDb, records: readonly LedgerRecord[]): void {
  const request = db.prepare(`INSERT INTO requests (
      at, client, requested, ref, model, provider, status, error_code, stream, fallback_attempts,
      ttft_ms, total_ms, prompt_tokens, completion_tokens, tokens_estimated, cost_usd,
      price_input, price_output, probe_run
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const attempt = db.prepare(
    "INSERT INTO request_attempts (request_id, position, ref, provider, status, outcome, ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const r of records) {
      const { lastInsertRowid } = request.run(
        Math.round(r.at),
        r.client,
        r.requested,
        r.ref,
        modelOfRef(r.ref),
        r.provider,
        r.status,
        r.errorCode,
        r.stream ? 1 : 0,
        r.fallbackAttempts,
        round(r.ttftMs),
        round(r.totalMs),
        r.promptTokens,
        r.completionTokens,
        r.tokensEstimated ? 1 : 0,
        r.costUsd,
        r.priceInput,
        r.priceOutput,
        r.probeRun ?? null,
      );
      r.attempts.forEach((a, position) =>
        attempt.run(lastInsertRowid, position, a.ref, a.provider, a.status, a.outcome, round(a.ms)),
      );
    }
  })();
}
