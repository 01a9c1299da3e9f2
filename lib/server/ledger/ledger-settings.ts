import "server-only";
import type { LedgerDb } from "./ledger-db";

export interface Budgets {
  dailyUsd: number | null;
  monthlyUsd: number | null;
}

const KEYS = { dailyUsd: "budget.daily_usd", monthlyUsd: "budget.monthly_usd" } as const;

function readNumber(db: LedgerDb, key: string): number | null {
  const row = db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value?: unknown } | undefined;
  const value = Number(row?.value);
  return row && Number.isFinite(value) && value > 0 ? value : null;
}

/** The budgets stored in the ledger (they belong with what they limit, not in the OpenClaw config). */
export function readBudgets(db: LedgerDb): Budgets {
  return { dailyUsd: readNumber(db, KEYS.dailyUsd), monthlyUsd: readNumber(db, KEYS.monthlyUsd) };
}

/** Sets both budgets at once; null removes one. */
export function writeBudgets(db: LedgerDb, budgets: Budgets): void {
  const upsert = db.prepare(
    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const remove = db.prepare("DELETE FROM settings WHERE key = ?");
  db.transaction(() => {
    for (const name of ["dailyUsd", "monthlyUsd"] as const) {
      const value = budgets[name];
      if (value === null) remove.run(KEYS[name]);
      else upsert.run(KEYS[name], String(value));
    }
  })();
}
