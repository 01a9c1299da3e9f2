"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useModels } from "@/lib/client/models";
import { useUsage } from "@/lib/client/usage";
import { backendFigures, errorRates, modelNamer } from "@/lib/usage/usage-chart-data";
import { BackendSpeed } from "./backend-speed";
import { BudgetCard } from "./budget-card";
import { ErrorRates } from "./error-rates";
import { lastDays, RangePicker, type DayRange } from "./range-picker";
import { RecentRequests, type RecentFilters } from "./recent-requests";
import { SpendChart } from "./spend-chart";
import { UsageTotals } from "./usage-totals";

/** The /usage page: what went through the gateway, what it cost, how fast, and the budgets. */
export default function UsageView() {
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const [filters, setFilters] = useState<RecentFilters>({});
  const usage = useUsage({ ...range, ...filters });
  const catalog = useModels().data?.models ?? [];
  const nameOf = modelNamer(catalog);
  const data = usage.data;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Usage</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Every request through the dashboard&apos;s gateway — from the{" "}
          <Link href="/playground" className="underline">
            playground
          </Link>
          , OpenClaw or any OpenAI client — with the provider that answered and what it cost at that provider&apos;s
          price. Days are the dashboard machine&apos;s local days.
        </p>
      </div>
      <RangePicker range={range} onChange={setRange} />
      {data && !data.ledger.ok ? <Notice tone="error">{data.ledger.error}</Notice> : null}
      {usage.error ? (
        <Notice tone="error">
          {usage.error.message}{" "}
          <Button size="sm" onClick={() => void usage.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : null}
      {data ? (
        <>
          <UsageTotals totals={data.totals} />
          {data.totals.requests === 0 ? (
            <Notice>
              No requests in this range yet. Chat in the{" "}
              <Link href="/playground" className="underline">
                playground
              </Link>{" "}
              or point an OpenAI client at this dashboard&apos;s <code>/api/v1</code>, and they show up here.
            </Notice>
          ) : null}
          <SpendChart usage={data} nameOf={nameOf} />
          <div className="grid gap-4 lg:grid-cols-2">
            <BackendSpeed backends={backendFigures(data.byBackend, catalog, nameOf)} />
            <ErrorRates rates={errorRates(data.byProvider)} />
          </div>
          <RecentRequests usage={data} filters={filters} onFilters={setFilters} nameOf={nameOf} />
          <BudgetCard key={`${data.budget.dailyUsd}-${data.budget.monthlyUsd}`} budget={data.budget} />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Ledger: <code>{data.ledger.path}</code> · requests older than {data.ledger.retentionDays} days are removed (
            <code>HF_PICKER_RETENTION_DAYS</code>).
          </p>
        </>
      ) : usage.isPending ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading usage…</p>
      ) : null}
    </div>
  );
}
