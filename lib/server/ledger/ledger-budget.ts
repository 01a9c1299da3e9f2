import "server-only";
import { formatCost } from "@/lib/chat/usage-cost";
import { dayStart, localDay, monthStart } from "@/lib/usage/usage-query";
import type { BudgetState } from "@/lib/usage/usage-types";
import type { LedgerRecord } from "./ledger-insert";
import { spentSince } from "./ledger-queries";
import type { LedgerService } from "./ledger-service";
import { readBudgets, writeBudgets, type Budgets } from "./ledger-settings";

/** Spent sums read from the database, and which day and month they cover. */
interface Tally {
  dayStart: number;
  monthStart: number;
  day: number;
  month: number;
  readAt: number;
}

/** Re-read at least this often, in case another dashboard process writes the same ledger. */
const TALLY_MAX_AGE_MS = 60_000;

export interface BudgetRefusal {
  which: "daily" | "monthly";
  limitUsd: number;
  spentUsd: number;
  message: string;
}

/**
 * Daily and monthly budgets. The check runs before every gateway request, so it works from
 * memory: the budgets and the spent sums are read once and then kept up to date from what the
 * ledger writes. Requests whose cost is unknown count as 0.
 */
export class BudgetGuard {
  private budgets: Budgets | null = null;
  private tally: Tally | null = null;

  constructor(
    private readonly ledger: LedgerService,
    private readonly now: () => number = Date.now,
  ) {
    ledger.onWritten = (records) => this.add(records);
  }

  /** The refusal for the next request, or null. Never throws: an unreadable ledger refuses nothing. */
  check(): BudgetRefusal | null {
    try {
      const budgets = this.currentBudgets();
      if (budgets.dailyUsd === null && budgets.monthlyUsd === null) return null;
      const state = this.compute(budgets);
      if (state.exceeded === "daily" && budgets.dailyUsd !== null)
        return refusal("daily", budgets.dailyUsd, state.spentTodayUsd);
      if (state.exceeded === "monthly" && budgets.monthlyUsd !== null)
        return refusal("monthly", budgets.monthlyUsd, state.spentMonthUsd);
      return null;
    } catch {
      return null;
    }
  }

  /** Budgets with what is spent and left. Throws LedgerUnavailableError. */
  state(): BudgetState {
    return this.compute(this.currentBudgets());
  }

  set(budgets: Budgets): BudgetState {
    this.ledger.write((db) => writeBudgets(db, budgets));
    this.budgets = { ...budgets };
    return this.state();
  }

  private currentBudgets(): Budgets {
    this.budgets ??= this.ledger.read(readBudgets);
    return this.budgets;
  }

  private compute(budgets: Budgets): BudgetState {
    const now = this.now();
    const tally = this.currentTally(now);
    let day = tally.day;
    let month = tally.month;
    for (const record of this.ledger.pending()) {
      if (record.costUsd === null) continue;
      if (record.at >= tally.dayStart) day += record.costUsd;
      if (record.at >= tally.monthStart) month += record.costUsd;
    }
    const left = (limit: number | null, spent: number) => (limit === null ? null : Math.max(0, limit - spent));
    const exceeded =
      budgets.dailyUsd !== null && day >= budgets.dailyUsd
        ? "daily"
        : budgets.monthlyUsd !== null && month >= budgets.monthlyUsd
          ? "monthly"
          : null;
    return {
      ...budgets,
      spentTodayUsd: day,
      spentMonthUsd: month,
      remainingTodayUsd: left(budgets.dailyUsd, day),
      remainingMonthUsd: left(budgets.monthlyUsd, month),
      exceeded,
    };
  }

  private currentTally(now: number): Tally {
    const today = dayStart(localDay(now)) ?? now;
    const month = monthStart(now);
    const t = this.tally;
    if (t && t.dayStart === today && t.monthStart === month && now - t.readAt < TALLY_MAX_AGE_MS) return t;
    this.tally = this.ledger.read((db) => ({
      dayStart: today,
      monthStart: month,
      day: spentSince(db, today),
      month: spentSince(db, month),
      readAt: now,
    }));
    return this.tally;
  }

  private add(records: readonly LedgerRecord[]): void {
    const t = this.tally;
    if (!t) return;
    for (const record of records) {
      if (record.costUsd === null) continue;
      if (record.at >= t.dayStart) t.day += record.costUsd;
      if (record.at >= t.monthStart) t.month += record.costUsd;
    }
  }
}

function refusal(which: "daily" | "monthly", limitUsd: number, spentUsd: number): BudgetRefusal {
  const period = which === "daily" ? "today" : "this month";
  const resets = which === "daily" ? "at midnight" : "on the 1st of next month";
  return {
    which,
    limitUsd,
    spentUsd,
    message: `The ${which} budget of ${formatCost(limitUsd)} is used up (${formatCost(spentUsd)} spent ${period}). It resets ${resets}; raise or clear it on the dashboard's Usage page.`,
  };
}
