import type { ChainCandidate, ChainTest } from "@/lib/catalog/chain-types";
import { formatLatency } from "@/lib/format";

function roleOf(position: number): string {
  return position === 0 ? "Primary" : `Fallback ${position}`;
}

/** "Test the chain": one row per candidate in order, and which one a real request would get its answer from. */
export function ChainTestResults({ test, labels }: { test: ChainTest; labels: readonly ChainCandidate[] }) {
  const labelOf = (ref: string) => labels.find((c) => c.ref === ref)?.label ?? ref;
  const answeredBy = test.verdict.answeredBy;
  return (
    <div className="flex flex-col gap-2">
      <p role="status" className={`text-sm ${answeredBy ? "" : "text-red-700 dark:text-red-400"}`}>
        {answeredBy
          ? `A real request would be answered by ${labelOf(answeredBy)} (${answeredBy}).`
          : "No model in the chain would answer a real request right now."}
      </p>
      <ol aria-label="Test results, in order" className="flex flex-col gap-1.5">
        {test.results.map((result) => {
          const reason = test.verdict.reasons.find((r) => r.position === result.position)?.reason;
          return (
            <li
              key={`${result.position}-${result.ref}`}
              aria-label={`${roleOf(result.position)}: ${result.ref}`}
              className="rounded-md border border-zinc-200 px-2 py-1.5 text-xs dark:border-zinc-800"
            >
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{roleOf(result.position)}</span>
                <span className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400">{result.ref}</span>
                <span
                  className={`ml-auto font-medium ${result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
                >
                  {result.ok ? "OK" : `Failed: ${result.outcome}`}
                </span>
              </div>
              <div className="mt-0.5 text-zinc-600 dark:text-zinc-400">
                {result.ok
                  ? `Answered by ${result.provider ?? "an unnamed backend"} · first token after ${formatLatency(result.ttftMs)} · ${formatLatency(result.totalMs)} in all`
                  : result.message}
              </div>
              {reason ? <div className="mt-0.5 text-zinc-700 dark:text-zinc-300">{reason}</div> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
