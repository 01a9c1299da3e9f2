import "server-only";
import {
  ledgerClientSchema,
  type UsageDay,
  type UsageModel,
  type UsageRow,
  type UsageSums,
} from "@/lib/usage/usage-types";
import { addDays, dayStart, localDay } from "@/lib/usage/usage-query";
import type { LedgerDb } from "./ledger-db";

/** The client's own Stop is not a failure of the model or provider. */
export const CANCELLED_CODE = "client_closed_request";
/** SQL: the request failed (refusals included, the client's own Stop not). */
export const IS_ERROR = `(error_code IS NOT NULL AND error_code <> '${CANCELLED_CODE}')`;

export const SUMS = `
  COUNT(*) AS requests,
  SUM(${IS_ERROR}) AS errors,
  COALESCE(SUM(prompt_tokens), 0) AS promptTokens,
  COALESCE(SUM(completion_tokens), 0) AS completionTokens,
  COALESCE(SUM(cost_usd), 0) AS costUsd,
  SUM(cost_usd IS NULL AND NOT ${IS_ERROR}) AS unpricedRequests`;

export const IN_RANGE = "at >= @fromMs AND at < @toMs";

export interface Range {
  fromMs: number;
  toMs: number;
}

export type Row = Record<string, unknown>;
export const num = (v: unknown): number => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
export const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function sums(row: Row | undefined): UsageSums {
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

/** The local days (start and end in epoch ms) from the first to the last request in the range. */
function daysWithRequests(db: LedgerDb, range: Range): { day: string; start: number; end: number }[] {
  const span = db.prepare(`SELECT MIN(at) AS first, MAX(at) AS last FROM requests WHERE ${IN_RANGE}`).get(range) as Row;
  if (span.first === null || span.first === undefined) return [];
  const days = [];
  const last = localDay(num(span.last));
  for (let day = localDay(num(span.first)); day <= last; day = addDays(day, 1)) {
    days.push({ day, start: dayStart(day) ?? 0, end: dayStart(addDays(day, 1)) ?? 0 });
  }
  return days;
}

/**
 * Per local day (of the server's time zone), oldest first, each with its split by model; days
 * without requests are absent. The day boundaries are computed here and joined as a table: SQLite's
 * own local-time conversion per row is slow, and its time zone is not always the process's.
 */
export function byDay(db: LedgerDb, range: Range): UsageDay[] {
  const days = daysWithRequests(db, range);
  if (days.length === 0) return [];
  // Our own strings and integers only: safe to inline.
  const table = `days (day, day_start, day_end) AS (VALUES ${days
    .map((d) => `('${d.day}', ${d.start}, ${d.end})`)
    .join(", ")})`;
  const join = `FROM days JOIN requests ON at >= day_start AND at < day_end`;
  const totals = db.prepare(`WITH ${table} SELECT day, ${SUMS} ${join} GROUP BY day ORDER BY day`).all() as Row[];
  const split = db
    .prepare(
      `WITH ${table} SELECT day, model, COUNT(*) AS requests, COALESCE(SUM(cost_usd), 0) AS costUsd
       ${join} GROUP BY day, model ORDER BY day, costUsd DESC, requests DESC`,
    )
    .all() as Row[];
  const models = new Map<string, UsageDay["models"]>();
  for (const row of split) {
    const day = String(row.day);
    const list = models.get(day) ?? [];
    list.push({ model: strOrNull(row.model), requests: num(row.requests), costUsd: num(row.costUsd) });
    models.set(day, list);
  }
  return totals.map((row) => ({ day: String(row.day), ...sums(row), models: models.get(String(row.day)) ?? [] }));
}

export function byModel(db: LedgerDb, range: Range): UsageModel[] {
  const rows = db
    .prepare(
      `SELECT model, ${SUMS} FROM requests WHERE ${IN_RANGE} GROUP BY model ORDER BY costUsd DESC, requests DESC`,
    )
    .all(range) as Row[];
  return rows.map((row) => ({ model: strOrNull(row.model), ...sums(row) }));
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
