"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatCost } from "@/lib/chat/usage-cost";
import { useProbe } from "@/lib/client/probe";
import { formatLatency, formatThroughput } from "@/lib/format";
import { estimateProbe } from "@/lib/probe/probe-estimate";
import { PROBE_MAX_TOKENS, type ProbeResult } from "@/lib/probe/probe-types";

const th = "px-2 py-1.5 text-left font-medium whitespace-nowrap";
const td = "px-2 py-1.5 whitespace-nowrap";

function Outcome({ result }: { result: ProbeResult }) {
  if (result.ok) return <span className="text-emerald-700 dark:text-emerald-400">ok</span>;
  return (
    <span className="text-red-700 dark:text-red-400">
      {result.status}
      {result.errorCode ? ` ${result.errorCode}` : ""}
    </span>
  );
}

/**
 * "Test every backend": says what it will cost at most, then sends one tiny streamed request to
 * each live provider at once and lists how each answered. The figures also feed "measured by you".
 */
export function ProbeSection({ model }: { model: CatalogModel }) {
  const probe = useProbe();
  const estimate = estimateProbe(model);
  const count = estimate.providers.length;
  // A run belongs to the model it was started for; the panel may have moved on to another one.
  const run = probe.data?.ref === model.ref ? probe.data : undefined;

  if (count === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No live backend to test right now.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Sends one tiny streamed request (at most {PROBE_MAX_TOKENS} tokens) to each of the {count} live{" "}
        {count === 1 ? "backend" : "backends"} at once. Estimated cost:{" "}
        <strong>{estimate.maxCostUsd === null ? "unknown" : `at most ${formatCost(estimate.maxCostUsd)}`}</strong>
        {estimate.unpriced.length > 0 && estimate.maxCostUsd !== null
          ? `, plus ${estimate.unpriced.join(", ")} (no price known)`
          : ""}
        .
      </p>
      <div>
        <Button disabled={probe.isPending} onClick={() => probe.mutate(model.ref)}>
          {probe.isPending ? "Testing…" : "Test every backend"}
        </Button>
      </div>
      {probe.isError ? <Notice tone="error">{probe.error.message}</Notice> : null}
      {run ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm tabular-nums">
            <caption className="pb-1 text-left text-xs text-zinc-500 dark:text-zinc-400">
              Test results: {run.results.filter((r) => r.ok).length} of {run.results.length} answered, cost{" "}
              {formatCost(run.costUsd)}
            </caption>
            <thead className="text-xs text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className={th}>Provider</th>
                <th className={th}>Result</th>
                <th className={th}>TTFT</th>
                <th className={th}>Speed</th>
                <th className={th}>Cost</th>
              </tr>
            </thead>
            <tbody>
              {run.results.map((result) => (
                <tr key={result.provider} className="border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {result.provider}
                  </th>
                  <td className={td}>
                    <Outcome result={result} />
                  </td>
                  <td className={td}>{formatLatency(result.ttftMs)}</td>
                  <td className={td}>{formatThroughput(result.tokensPerSecond)}</td>
                  <td className={td}>{formatCost(result.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
