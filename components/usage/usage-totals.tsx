import { formatCost } from "@/lib/chat/usage-cost";
import { formatCount } from "@/lib/format";
import type { UsageSums } from "@/lib/usage/usage-types";

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{note}</dd> : null}
    </div>
  );
}

/** The range's totals: spend, requests, errors and tokens. */
export function UsageTotals({ totals }: { totals: UsageSums }) {
  const errorRate = totals.requests ? Math.round((totals.errors / totals.requests) * 1000) / 10 : 0;
  return (
    <dl aria-label="Totals" className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Stat
        label="Spend"
        value={formatCost(totals.costUsd)}
        note={
          totals.unpricedRequests ? `${formatCount(totals.unpricedRequests)} requests with unknown price` : undefined
        }
      />
      <Stat label="Requests" value={formatCount(totals.requests)} />
      <Stat label="Errors" value={formatCount(totals.errors)} note={`${errorRate}% of requests`} />
      <Stat
        label="Tokens"
        value={formatCount(totals.promptTokens + totals.completionTokens)}
        note={`${formatCount(totals.promptTokens)} in · ${formatCount(totals.completionTokens)} out`}
      />
    </dl>
  );
}
