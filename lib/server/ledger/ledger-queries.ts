import "server-only";
import {
  ledgerClientSchema,
  type UsageBackend,
  type UsageDay,
  type UsageModel,
  type UsageProvider,
  type UsageRow,
  type UsageSums,
} from "@/lib/usage/usage-types";
import type { LedgerDb } from "./ledger-db";

/** The client's own Stop is not a failure of the model or provider. */
export const CANCELLED_CODE = "client_closed_request";
/** SQL: the request failed (refusals included, the client's own Stop not). */
const IS_ERROR = `(error_code IS NOT NULL AND error_code <> '${CANCELLED_CODE}')`;

const SUMS = `
  COUNT(*) AS requests,
  SUM(${IS_ERROR}) AS errors,
  COALESCE(SUM(prompt_tokens), 0) AS promptTokens,
  COALESCE(SUM(completion_tokens), 0) AS completionTokens,
  COALESCE(SUM(cost_usd), 0) AS costUsd,
  SUM(cost_usd IS NULL AND NOT ${IS_ERROR}) AS unpricedRequests`;

const IN_RANGE = "at >= @fromMs AND at < @toMs";

export interface Range {
  fromMs: number;
  toMs: number;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

function sums(row: Row | undefined): UsageSums {
  return {
    requests: num(row?.requests),
    errors: num(row?.errors),
    promptTokens: num(row?.promptTokens),
    completionTokens: num(row?.completionTokens),
    costUsd: num(row?.costUsd),
    unpricedRequests: num(row?.unpricedRequests),
  };
}

export function totals(db: LedgerDb, range: Range): UsageSums {
  return sums(db.prepare(`SELECT ${SUMS} FROM requests WHERE ${IN_RANGE}`).get(range) as Row);
}

const DAY_SQL = "date(at / 1000, 'unixepoch', 'localtime')";

/** Per local day, oldest first, each with its split by model. Days without requests are absent. */
export function byDay(db: LedgerDb, range: Range): UsageDay[] {
  const days = db
    .prepare(`SELECT ${DAY_SQL} AS day, ${SUMS} FROM requests WHERE ${IN_RANGE} GROUP BY day ORDER BY day`)
    .all(range) as Row[];
  const split = db
    .prepare(
      `SELECT ${DAY_SQL} AS day, model, COUNT(*) AS requests, COALESCE(SUM(cost_usd), 0) AS costUsd
       FROM requests WHERE ${IN_RANGE} GROUP BY day, model ORDER BY day, costUsd DESC, requests DESC`,
    )
    .all(range) as Row[];
  const models = new Map<string, UsageDay["models"]>();
  for (const row of split) {
    const day = String(row.day);
    const list = models.get(day) ?? [];
    list.push({ model: strOrNull(row.model), requests: num(row.requests), costUsd: num(row.costUsd) });
    models.set(day, list);
  }
  return days.map((row) => ({ day: String(row.day), ...sums(row), models: models.get(String(row.day)) ?? [] }));
}

export function byModel(db: LedgerDb, range: Range): UsageModel[] {
  const rows = db
    .prepare(
      `SELECT model, ${SUMS} FROM requests WHERE ${IN_RANGE} GROUP BY model ORDER BY costUsd DESC, requests DESC`,
    )
    .all(range) as Row[];
  return rows.map((row) => ({ model: strOrNull(row.model), ...sums(row) }));
}

/** Medians per group (`groupBy` columns joined by "|"), with window functions (SQLite has no MEDIAN). */
function medians(
  db: LedgerDb,
  range: Range,
  groupBy: readonly string[],
  value: string,
  where: string,
): Map<string, number> {
  const columns = groupBy.join(", ");
  const rows = db
    .prepare(
      `WITH v AS (
         SELECT ${columns}, ${value} AS v,
           ROW_NUMBER() OVER (PARTITION BY ${columns} ORDER BY ${value}) AS rn,
           COUNT(*) OVER (PARTITION BY ${columns}) AS n
         FROM requests WHERE ${IN_RANGE} AND ${where}
       )
       SELECT ${columns}, AVG(v) AS median FROM v WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY ${columns}`,
    )
    .all(range) as Row[];
  return new Map(rows.map((row) => [groupKey(row, groupBy), num(row.median)]));
}

const groupKey = (row: Row, groupBy: readonly string[]) => groupBy.map((c) => strOrNull(row[c]) ?? "").join("|");

/** Clean streamed answers: no fallback before them, not cut, not stopped. */
const MEASURABLE = "stream = 1 AND error_code IS NULL AND fallback_attempts = 0";
const TTFT = { value: "ttft_ms", where: `${MEASURABLE} AND ttft_ms IS NOT NULL` };
/** Completion tokens per second after the first token; estimated counts are not a measurement. */
const SPEED = {
  value: "completion_tokens * 1000.0 / (total_ms - ttft_ms)",
  where: `${MEASURABLE} AND tokens_estimated = 0 AND completion_tokens > 1 AND total_ms > ttft_ms`,
};

/** Per answering provider: sums, failed upstream attempts, and the measured speed. */
export function byProvider(db: LedgerDb, range: Range): UsageProvider[] {
  const rows = db
    .prepare(
      `SELECT provider, ${SUMS} FROM requests WHERE ${IN_RANGE} AND provider IS NOT NULL
       GROUP BY provider ORDER BY requests DESC`,
    )
    .all(range) as Row[];
  const attempts = db
    .prepare(
      `SELECT a.provider AS provider, COUNT(*) AS attempts, SUM(a.outcome NOT IN ('ok', 'client-aborted')) AS failed
       FROM request_attempts a JOIN requests r ON r.id = a.request_id
       WHERE r.${IN_RANGE.replace(" AND ", " AND r.")} AND a.provider IS NOT NULL GROUP BY a.provider`,
    )
    .all(range) as Row[];
  const attemptsOf = new Map(attempts.map((row) => [strOrNull(row.provider), row]));
  const ttft = medians(db, range, ["provider"], TTFT.value, TTFT.where);
  const speed = medians(db, range, ["provider"], SPEED.value, SPEED.where);
  const providers = rows.map((row) => strOrNull(row.provider));
  // A provider that only ever failed has attempts but no answered request.
  for (const row of attempts) if (!providers.includes(strOrNull(row.provider))) providers.push(strOrNull(row.provider));
  const answered = new Map(rows.map((row) => [strOrNull(row.provider), row]));
  return providers.map((provider) => ({
    provider,
    ...sums(answered.get(provider)),
    attempts: num(attemptsOf.get(provider)?.attempts),
    failedAttempts: num(attemptsOf.get(provider)?.failed),
    medianTtftMs: ttft.get(provider ?? "") ?? null,
    medianTokensPerSecond: speed.get(provider ?? "") ?? null,
  }));
}

/**
 * Per backend (model and provider) that answered: how many answers and their measured speed,
 * the figures the router advertises per backend too. Also the "measured by you" of the probe.
 */
export function byBackend(db: LedgerDb, range: Range): UsageBackend[] {
  const rows = db
    .prepare(
      `SELECT model, provider, COUNT(*) AS requests FROM requests
       WHERE ${IN_RANGE} AND model IS NOT NULL AND provider IS NOT NULL AND status < 300
       GROUP BY model, provider ORDER BY requests DESC, model, provider`,
    )
    .all(range) as Row[];
  const ttft = medians(db, range, ["model", "provider"], TTFT.value, TTFT.where);
  const speed = medians(db, range, ["model", "provider"], SPEED.value, SPEED.where);
  return rows.map((row) => {
    const key = groupKey(row, ["model", "provider"]);
    return {
      model: String(row.model),
      provider: String(row.provider),
      requests: num(row.requests),
      medianTtftMs: ttft.get(key) ?? null,
      medianTokensPerSecond: speed.get(key) ?? null,
    };
  });
}

export interface RecentFilter {
  model?: string;
  provider?: string;
  client?: string;
  status?: "ok" | "error";
  limit?: number;
}

export const RECENT_LIMIT = 200;

const ROW_COLUMNS = `id, at, client, requested, ref, provider, status, error_code, stream, ttft_ms, total_ms,
  prompt_tokens, completion_tokens, tokens_estimated, cost_usd, fallback_attempts`;

export function toUsageRow(row: Row): UsageRow {
  const client = ledgerClientSchema.safeParse(row.client);
  return {
    id: num(row.id),
    at: new Date(num(row.at)).toISOString(),
    client: client.success ? client.data : "api",
    requested: strOrNull(row.requested),
    ref: strOrNull(row.ref),
    provider: strOrNull(row.provider),
    status: num(row.status),
    errorCode: strOrNull(row.error_code),
    stream: num(row.stream) === 1,
    ttftMs: numOrNull(row.ttft_ms),
    totalMs: numOrNull(row.total_ms),
    promptTokens: numOrNull(row.prompt_tokens),
    completionTokens: numOrNull(row.completion_tokens),
    tokensEstimated: num(row.tokens_estimated) === 1,
    costUsd: numOrNull(row.cost_usd),
    fallbackAttempts: num(row.fallback_attempts),
  };
}

function filterSql(filter: RecentFilter): string {
  const parts = [IN_RANGE];
  if (filter.model) parts.push("model = @model");
  if (filter.provider) parts.push("provider = @provider");
  if (filter.client) parts.push("client = @client");
  if (filter.status === "error") parts.push(IS_ERROR);
  if (filter.status === "ok") parts.push(`NOT ${IS_ERROR}`);
  return parts.join(" AND ");
}

/** The newest requests in the range, filtered. */
export function recent(db: LedgerDb, range: Range, filter: RecentFilter = {}): UsageRow[] {
  const params = {
    ...range,
    model: filter.model ?? null,
    provider: filter.provider ?? null,
    client: filter.client ?? null,
  };
  const rows = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM requests WHERE ${filterSql(filter)} ORDER BY at DESC, id DESC LIMIT @limit`)
    .all({ ...params, limit: filter.limit ?? RECENT_LIMIT }) as Row[];
  return rows.map(toUsageRow);
}

/**
 * Every request in the range, oldest first, a page at a time (for the CSV export). Each page is
 * read whole: a half-read statement would keep the connection busy while the download waits.
 */
export function rowsPage(db: LedgerDb, range: Range, afterId: number, pageSize = 1_000): UsageRow[] {
  const rows = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM requests WHERE ${IN_RANGE} AND id > @afterId ORDER BY id LIMIT @pageSize`)
    .all({ ...range, afterId, pageSize }) as Row[];
  return rows.map(toUsageRow);
}

/** Cost of everything recorded since `fromMs` (budgets). */
export function spentSince(db: LedgerDb, fromMs: number): number {
  const row = db.prepare("SELECT COALESCE(SUM(cost_usd), 0) AS cost FROM requests WHERE at >= ?").get(fromMs) as Row;
  return num(row.cost);
}
