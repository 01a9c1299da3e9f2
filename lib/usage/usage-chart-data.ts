/** The /usage page's charts as plain data: stacked days by model, measured vs advertised speed, error rates. */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { addDays, dayStart } from "./usage-query";
import type { UsageBackend, UsageDay, UsageModel, UsageProvider } from "./usage-types";

export const OTHER_MODELS = "Other models";
export const NO_MODEL = "No model (refused)";
/** Past this many days the chart shows only the days with requests. */
const MAX_FILLED_DAYS = 92;

export interface Series {
  /** A key safe for the chart library (model ids hold dots, which it reads as paths). */
  key: string;
  label: string;
}

export type DayMetric = "costUsd" | "requests";

export interface StackedDays {
  series: Series[];
  rows: ({ day: string } & Record<string, number | string>)[];
}

/**
 * Days (every day of the range when it is short, so gaps show) with one value per model: the
 * models that matter most over the range get their own series, the rest add up to "Other models".
 */
export function stackedByModel(
  days: readonly UsageDay[],
  models: readonly UsageModel[],
  metric: DayMetric,
  range: { from: string; to: string },
  nameOf: (model: string) => string = (model) => model,
  maxSeries = 6,
): StackedDays {
  const ranked = [...models].sort((a, b) => b[metric] - a[metric] || b.requests - a.requests);
  const own = ranked.slice(0, ranked.length > maxSeries ? maxSeries - 1 : maxSeries);
  const keyOf = new Map(own.map((m, i) => [m.model, `s${i}`]));
  const series: Series[] = own.map((m, i) => ({ key: `s${i}`, label: m.model === null ? NO_MODEL : nameOf(m.model) }));
  if (ranked.length > own.length) series.push({ key: "other", label: OTHER_MODELS });

  const byDay = new Map(days.map((d) => [d.day, d]));
  const rows: StackedDays["rows"] = dayList(days, range).map((day) => {
    const row: StackedDays["rows"][number] = { day };
    for (const s of series) row[s.key] = 0;
    for (const m of byDay.get(day)?.models ?? []) {
      const key = keyOf.get(m.model) ?? "other";
      row[key] = (Number(row[key]) || 0) + m[metric];
    }
    return row;
  });
  return { series, rows };
}

function dayList(days: readonly UsageDay[], range: { from: string; to: string }): string[] {
  const start = dayStart(range.from);
  const end = dayStart(range.to);
  if (start === null || end === null || (end - start) / 86_400_000 > MAX_FILLED_DAYS) return days.map((d) => d.day);
  const list: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) list.push(day);
  return list;
}

export interface BackendFigures {
  label: string;
  model: string;
  provider: string;
  requests: number;
  measuredTtftMs: number | null;
  advertisedTtftMs: number | null;
  measuredTokensPerSecond: number | null;
  advertisedTokensPerSecond: number | null;
}

/** Each backend's measured speed beside what the router's model list advertises for it. */
export function backendFigures(
  backends: readonly UsageBackend[],
  catalog: readonly CatalogModel[],
  nameOf: (model: string) => string = (model) => model,
): BackendFigures[] {
  return backends.map((b) => {
    const advertised = catalog.find((m) => m.id === b.model)?.providers.find((p) => p.provider === b.provider);
    return {
      label: `${nameOf(b.model)} · ${b.provider}`,
      model: b.model,
      provider: b.provider,
      requests: b.requests,
      measuredTtftMs: b.medianTtftMs,
      advertisedTtftMs: advertised?.firstTokenLatencyMs ?? null,
      measuredTokensPerSecond: b.medianTokensPerSecond,
      advertisedTokensPerSecond: advertised?.throughput ?? null,
    };
  });
}

export interface ErrorRate {
  provider: string;
  attempts: number;
  failed: number;
  /** Failed share of the attempts, 0–100. */
  percent: number;
}

/** Per provider: how many upstream attempts failed (fallback attempts included). */
export function errorRates(providers: readonly UsageProvider[]): ErrorRate[] {
  return providers
    .filter((p) => p.attempts > 0)
    .map((p) => ({
      provider: p.provider ?? "unknown",
      attempts: p.attempts,
      failed: p.failedAttempts,
      percent: Math.round((p.failedAttempts / p.attempts) * 1000) / 10,
    }))
    .sort((a, b) => b.percent - a.percent || b.attempts - a.attempts);
}

/** The catalog's display name of a Hub id, or the id. */
export function modelNamer(catalog: readonly CatalogModel[]): (model: string) => string {
  const names = new Map(catalog.map((m) => [m.id, m.name]));
  return (model) => names.get(model) ?? model;
}
