import "server-only";
import type { UsageBackend, UsageProvider } from "@/lib/usage/usage-types";
import type { LedgerDb } from "./ledger-db";
import { IN_RANGE, num, strOrNull, sums, SUMS, type Range, type Row } from "./ledger-queries";

/**
 * Speed is measured on clean streamed answers only: no fallback before them (its wait would
 * count as the provider's), not cut, not stopped, and tokens/s only from reported token counts.
 */
export const MEASURABLE = "stream = 1 AND error_code IS NULL AND fallback_attempts = 0 AND ttft_ms IS NOT NULL";
export const SPEED = `CASE WHEN tokens_estimated = 0 AND completion_tokens > 1 AND total_ms > ttft_ms
  THEN completion_tokens * 1000.0 / (total_ms - ttft_ms) END`;

/**
 * Medians come from the newest answers in the range, at most this many: the page stays fast on a
 * large ledger (reading rows out of SQLite is what costs), and recent speed is what matters.
 */
export const SPEED_SAMPLE = 2_000;

export interface Sample {
  model: string | null;
  provider: string | null;
  ttftMs: number;
  tokensPerSecond: number | null;
}

/** The newest clean streamed answers of the range: what both speed tables are computed from. */
export function speedSamples(db: LedgerDb, range: Range): Sample[] {
  const rows = db
    .prepare(
      `SELECT model, provider, ttft_ms, ${SPEED} FROM requests WHERE ${IN_RANGE} AND ${MEASURABLE}
       ORDER BY at DESC LIMIT ${SPEED_SAMPLE}`,
    )
    .raw()
    .all(range) as unknown[][];
  return rows.map(([model, provider, ttft, speed]) => ({
    model: strOrNull(model),
    provider: strOrNull(provider),
    ttftMs: num(ttft),
    tokensPerSecond: speed === null || speed === undefined ? null : num(speed),
  }));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Names the group of a sample, and of a result row with the same columns. */
type GroupKey = (of: { model?: unknown; provider?: unknown }) => string;
const providerKey: GroupKey = (of) => strOrNull(of.provider) ?? "";
const backendKey: GroupKey = (of) => `${String(of.model)}|${String(of.provider)}`;

/** Median TTFT and tokens/s of the samples, per group: the returned function gives a row's. */
function speedBy(list: readonly Sample[], key: GroupKey) {
  const groups = new Map<string, Sample[]>();
  for (const s of list) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return (of: Parameters<GroupKey>[0]) => {
    const group = groups.get(key(of)) ?? [];
    return {
      medianTtftMs: median(group.map((s) => s.ttftMs)),
      medianTokensPerSecond: median(group.flatMap((s) => (s.tokensPerSecond === null ? [] : [s.tokensPerSecond]))),
    };
  };
}

const rowsIn = (db: LedgerDb, sql: string, range: Range) => db.prepare(sql).all(range) as Row[];

/** Per answering provider: sums, failed upstream attempts (fallbacks included) and the measured speed. */
export function byProvider(
  db: LedgerDb,
  range: Range,
  samples: readonly Sample[] = speedSamples(db, range),
): UsageProvider[] {
  const rows = rowsIn(
    db,
    `SELECT provider, ${SUMS} FROM requests WHERE ${IN_RANGE} AND provider IS NOT NULL
     GROUP BY provider ORDER BY requests DESC`,
    range,
  );
  const attempts = rowsIn(
    db,
    `SELECT a.provider AS provider, COUNT(*) AS attempts, SUM(a.outcome NOT IN ('ok', 'client-aborted')) AS failed
     FROM requests r JOIN request_attempts a ON a.request_id = r.id
     WHERE r.at >= @fromMs AND r.at < @toMs AND a.provider IS NOT NULL GROUP BY a.provider`,
    range,
  );
  const attemptsOf = new Map(attempts.map((row) => [strOrNull(row.provider), row]));
  const answered = new Map(rows.map((row) => [strOrNull(row.provider), row]));
  const speed = speedBy(samples, providerKey);
  const providers = rows.map((row) => strOrNull(row.provider));
  // A provider that only ever failed has attempts but no answered request.
  for (const row of attempts) if (!providers.includes(strOrNull(row.provider))) providers.push(strOrNull(row.provider));
  return providers.map((provider) => ({
    provider,
    ...sums(answered.get(provider)),
    attempts: num(attemptsOf.get(provider)?.attempts),
    failedAttempts: num(attemptsOf.get(provider)?.failed),
    ...speed({ provider }),
  }));
}

/**
 * Per backend (model and provider) that answered: how many answers and their measured speed, to
 * set beside the figures the router advertises per backend ("measured by you").
 */
export function byBackend(
  db: LedgerDb,
  range: Range,
  samples: readonly Sample[] = speedSamples(db, range),
): UsageBackend[] {
  const rows = rowsIn(
    db,
    `SELECT model, provider, COUNT(*) AS requests FROM requests
     WHERE ${IN_RANGE} AND model IS NOT NULL AND provider IS NOT NULL AND status < 300
     GROUP BY model, provider ORDER BY requests DESC, model, provider`,
    range,
  );
  const speed = speedBy(samples, backendKey);
  return rows.map((row) => ({
    model: String(row.model),
    provider: String(row.provider),
    requests: num(row.requests),
    ...speed(row),
  }));
}
