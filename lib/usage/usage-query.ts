/**
 * The query of `/api/usage` and `/api/usage.csv`: a date range in local calendar days and the
 * filters of the recent-requests table. Pure, so the page builds the same URL the route reads.
 */
import { z } from "zod";
import { ledgerClientSchema } from "./usage-types";

export const DEFAULT_RANGE_DAYS = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a time, in the machine's local time zone. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting `day` (`YYYY-MM-DD`), in epoch ms; null for a date that does not exist. */
export function dayStart(day: string): number | null {
  if (!DAY.test(day)) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date.getTime() : null;
}

/** The day `days` after `day` (negative: before), local calendar. */
export function addDays(day: string, days: number): string {
  const start = dayStart(day);
  if (start === null) throw new Error(`Not a day: ${day}`);
  const d = new Date(start);
  d.setDate(d.getDate() + days);
  return localDay(d.getTime());
}

/** Local midnight of the first day of the month of `ms`. */
export function monthStart(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

const dayParam = z
  .string()
  .regex(DAY, "must be a day as YYYY-MM-DD")
  .refine((v) => dayStart(v) !== null, {
    message: "is not a calendar day",
  });

export const usageQuerySchema = z
  .object({
    from: dayParam.optional(),
    to: dayParam.optional(),
    model: z.string().max(300).optional(),
    provider: z.string().max(100).optional(),
    client: ledgerClientSchema.optional(),
    status: z.enum(["ok", "error"]).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export interface UsageRange {
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** Epoch ms: from local midnight of `from` up to (not including) the midnight after `to`. */
  fromMs: number;
  toMs: number;
}

/** The range asked for; `to` defaults to today, `from` to the 30 days ending at `to`. */
export function usageRange(query: Pick<UsageQuery, "from" | "to">, now: number): UsageRange {
  const to = query.to ?? localDay(now);
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  return { from, to, fromMs: dayStart(from) ?? 0, toMs: dayStart(addDays(to, 1)) ?? now };
}

/** The query string for a usage URL, without empty values. */
export function usageSearch(query: UsageQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
