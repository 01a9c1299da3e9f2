import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BudgetGuard } from "./ledger-budget";
import { LedgerService } from "./ledger-service";
import { aRecord, tempDataDir } from "./ledger-test-helpers";

let dir: string;
let now: number;
let ledger: LedgerService;
let guard: BudgetGuard;

beforeEach(() => {
  dir = tempDataDir();
  now = new Date(2025, 2, 15, 12).getTime();
  ledger = new LedgerService({ dataDir: dir, retentionDays: 90, now: () => now, log: () => undefined });
  guard = new BudgetGuard(ledger, () => now);
});
afterEach(() => {
  ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("BudgetGuard", () => {
  it("refuses nothing without budgets", () => {
    ledger.record(aRecord({ at: now, costUsd: 100 }));
    expect(guard.check()).toBeNull();
    expect(guard.state()).toMatchObject({
      dailyUsd: null,
      remainingTodayUsd: null,
      exceeded: null,
      spentTodayUsd: 100,
    });
  });

  it("refuses once today's spend reaches the daily budget, counting requests not yet written", () => {
    guard.set({ dailyUsd: 0.01, monthlyUsd: null });
    ledger.record(aRecord({ at: now - 24 * 3600 * 1000, costUsd: 1 })); // yesterday
    ledger.record(aRecord({ at: now, costUsd: 0.006 }));
    expect(guard.check()).toBeNull();
    expect(guard.state()).toMatchObject({ spentTodayUsd: 0.006, spentMonthUsd: 1.006 });
    expect(guard.state().remainingTodayUsd).toBeCloseTo(0.004);
    ledger.record(aRecord({ at: now, costUsd: 0.004 }));
    const refusal = guard.check();
    expect(refusal).toMatchObject({ which: "daily", limitUsd: 0.01 });
    expect(refusal?.message).toMatch(/daily budget of \$0\.01 is used up \(\$0\.01 spent today\)/);
    expect(guard.state()).toMatchObject({ exceeded: "daily", remainingTodayUsd: 0 });
  });

  it("starts a new day at local midnight, and checks the month too", () => {
    guard.set({ dailyUsd: 0.01, monthlyUsd: 0.015 });
    ledger.record(aRecord({ at: now, costUsd: 0.01 }));
    ledger.flush();
    expect(guard.check()?.which).toBe("daily");
    now = new Date(2025, 2, 16, 0, 0, 1).getTime();
    expect(guard.check()).toBeNull();
    ledger.record(aRecord({ at: now, costUsd: 0.005 }));
    expect(guard.check()?.which).toBe("monthly");
    now = new Date(2025, 3, 1, 0, 0, 1).getTime();
    expect(guard.check()).toBeNull();
  });

  it("keeps budgets across a restart and clears them with null", () => {
    guard.set({ dailyUsd: 2, monthlyUsd: 30 });
    ledger.close();
    ledger = new LedgerService({ dataDir: dir, retentionDays: 90, log: () => undefined });
    guard = new BudgetGuard(ledger, () => now);
    expect(guard.state()).toMatchObject({ dailyUsd: 2, monthlyUsd: 30 });
    expect(guard.set({ dailyUsd: null, monthlyUsd: 30 })).toMatchObject({ dailyUsd: null, monthlyUsd: 30 });
  });

  it("lets requests through when the ledger cannot be read", () => {
    const broken = new LedgerService({
      dataDir: dir,
      retentionDays: 90,
      log: () => undefined,
      open: () => {
        throw Object.assign(new Error("file is not a database"), { code: "SQLITE_NOTADB" });
      },
    });
    expect(new BudgetGuard(broken).check()).toBeNull();
  });
});
