import "server-only";
import { usageRange, type UsageQuery } from "@/lib/usage/usage-query";
import type { UsageResponse } from "@/lib/usage/usage-types";
import type { BudgetGuard } from "./ledger-budget";
import { byDay, byModel, recent, totals } from "./ledger-queries";
import { byBackend, byProvider, speedSamples } from "./ledger-speed";
import type { LedgerService } from "./ledger-service";

/** Everything `/api/usage` answers for a range and the recent-requests filters. Throws LedgerUnavailableError. */
export function usageReport(
  ledger: { service: LedgerService; budget: BudgetGuard },
  query: UsageQuery,
  now = Date.now(),
): UsageResponse {
  const range = usageRange(query, now);
  const report = ledger.service.read((db) => {
    const samples = speedSamples(db, range);
    return {
      totals: totals(db, range),
      byDay: byDay(db, range),
      byModel: byModel(db, range),
      byProvider: byProvider(db, range, samples),
      byBackend: byBackend(db, range, samples),
      recent: recent(db, range, query),
    };
  });
  return {
    from: range.from,
    to: range.to,
    ...report,
    budget: ledger.budget.state(),
    ledger: ledger.service.health(),
  };
}
