/**
 * Puts fixed requests into a running dashboard's usage ledger, on days relative to today, so the
 * /usage page has the same figures on every run (the live ledger also holds whatever other specs
 * sent). Written with plain SQL: the ledger module is server-only. The dashboard must have opened
 * the ledger (and migrated it) first.
 */
import path from "node:path";
import Database from "libsql";

export interface SeedRequest {
  /** Days before today (local), and the local time of day. */
  daysAgo: number;
  time: [hours: number, minutes: number];
  client: "playground" | "api" | "openclaw" | "probe";
  ref: string;
  provider: string;
  status: number;
  errorCode?: string;
  ttftMs?: number;
  totalMs: number;
  promptTokens?: number;
  completionTokens?: number;
  costUsd?: number;
}

/** Local midnight `daysAgo` days before today, plus the time of day. */
export function localTime(daysAgo: number, [hours, minutes]: [number, number], now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hours, minutes);
}

/** `YYYY-MM-DD` of the local day `daysAgo` days before today (what the date inputs take). */
export function localDay(daysAgo: number): string {
  const day = localTime(daysAgo, [12, 0]);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function seedLedger(stateDir: string, requests: readonly SeedRequest[]) {
  const db = new Database(path.join(stateDir, "data", "usage.db"));
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    const insert = db.prepare(`INSERT INTO requests (
        at, client, requested, ref, model, provider, status, error_code, stream, fallback_attempts,
        ttft_ms, total_ms, prompt_tokens, completion_tokens, tokens_estimated, cost_usd
      ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, 0, ?)`);
    const attempt = db.prepare(
      "INSERT INTO request_attempts (request_id, position, ref, provider, status, outcome, ms) VALUES (?, 0, ?, ?, ?, ?, ?)",
    );
    db.transaction(() => {
      for (const r of requests) {
        const model = r.ref.replace(/^huggingface\//, "").replace(/:.*$/, "");
        const { lastInsertRowid } = insert.run(
          localTime(r.daysAgo, r.time).getTime(),
          r.client,
          r.ref,
          r.ref,
          model,
          r.provider,
          r.status,
          r.errorCode ?? null,
          r.ttftMs ?? null,
          r.totalMs,
          r.promptTokens ?? null,
          r.completionTokens ?? null,
          r.costUsd ?? null,
        );
        // One upstream try each, which the error rates count.
        const outcome = r.status < 300 ? "ok" : String(r.status);
        attempt.run(lastInsertRowid, r.ref, r.provider, r.status, outcome, r.totalMs);
      }
    })();
  } finally {
    db.close();
  }
}
