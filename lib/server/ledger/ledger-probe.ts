import "server-only";
import { MEASURED_RUNS, type MeasuredBackend } from "@/lib/probe/probe-types";
import type { LedgerDb } from "./ledger-db";
import { num } from "./ledger-queries";
import { median, MEASURABLE, SPEED } from "./ledger-speed";

export interface ProbeRun {
  at: number;
  /** The model's ref, without suffix. */
  ref: string;
  estimatedCostUsd: number | null;
  /** How many backends the run sends a request to. */
  backends: number;
}

/** Starts a probe run; its requests carry the returned id (`probe_run`). */
export function insertProbeRun(db: LedgerDb, run: ProbeRun): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO probe_runs (at, ref, estimated_cost_usd, backends) VALUES (?, ?, ?, ?)")
    .run(Math.round(run.at), run.ref, run.estimatedCostUsd, run.backends);
  return Number(lastInsertRowid);
}

/**
 * "Measured by you" for one model: per provider, its newest clean streamed answer and the medians
 * of its newest MEASURED_RUNS, from probes and chats alike (both are requests the user made).
 */
export function measuredBackends(db: LedgerDb, model: string): MeasuredBackend[] {
  // The (model, provider, at) index serves this; a provider's runs come newest first.
  const rows = db
    .prepare(
      `SELECT provider, at, ttft_ms, ${SPEED} FROM requests
       WHERE model = ? AND provider IS NOT NULL AND ${MEASURABLE} ORDER BY at DESC, id DESC LIMIT 2000`,
    )
    .raw()
    .all(model) as unknown[][];
  const byProvider = new Map<string, { at: number; ttftMs: number; speed: number | null }[]>();
  for (const [provider, at, ttft, speed] of rows) {
    const runs = byProvider.get(String(provider)) ?? [];
    if (runs.length >= MEASURED_RUNS) continue;
    runs.push({ at: num(at), ttftMs: num(ttft), speed: speed === null || speed === undefined ? null : num(speed) });
    byProvider.set(String(provider), runs);
  }
  return [...byProvider].map(([provider, runs]) => ({
    provider,
    runs: runs.length,
    latestAt: runs[0]!.at,
    latestTtftMs: runs[0]!.ttftMs,
    latestTokensPerSecond: runs[0]!.speed,
    medianTtftMs: median(runs.map((r) => r.ttftMs)),
    medianTokensPerSecond: median(runs.flatMap((r) => (r.speed === null ? [] : [r.speed]))),
  }));
}
