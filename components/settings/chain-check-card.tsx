"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { ChainCheck } from "@/lib/catalog/chain-types";
import { formatCost } from "@/lib/chat/usage-cost";
import { ChainFindings } from "./chain-findings";
import { ChainTestResults } from "./chain-test-results";
import { useChainTest } from "./use-chain-test";
import type { ChainFindingsState } from "./use-chain-findings";

function summary(check: ChainCheck): string {
  const count = (severity: string) => check.findings.filter((f) => f.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  if (errors + warnings === 0) return "No problems found in the chain.";
  const parts = [
    errors ? `${errors} problem${errors === 1 ? "" : "s"}` : "",
    warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `${parts.join(" and ")}: see beside the entries above.`;
}

function EstimateLine({ check }: { check: ChainCheck }) {
  const { estimate } = check;
  const unpriced = estimate.unpriced.length;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      One tiny request (a fixed short prompt, at most {estimate.maxTokens} tokens back) through each of the{" "}
      {estimate.requests} model{estimate.requests === 1 ? "" : "s"} in order, through the router. Estimated cost: at
      most {formatCost(estimate.maxUsd)}
      {unpriced ? ` (plus ${unpriced} model${unpriced === 1 ? "" : "s"} without a published price)` : ""}.
    </p>
  );
}

/**
 * The chain check beside the form: the findings about the chain as a whole (those about one entry
 * sit beside it), and "Test the chain" with its estimated cost and per-candidate results.
 */
export function ChainCheckCard({ state, enabled }: { state: ChainFindingsState; enabled: boolean }) {
  const { query, current, general } = state;
  const test = useChainTest(current);
  return (
    <Card
      title="Chain check"
      description="What could go wrong when OpenClaw falls back from the primary to each fallback, from today's catalog."
      actions={query.isFetching ? <span className="text-xs text-zinc-500">Checking…</span> : null}
    >
      {!enabled ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Fix the issues above to check the chain.</p>
      ) : query.error ? (
        <Notice tone="error">The chain could not be checked: {query.error.message}</Notice>
      ) : !query.data ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Checking the chain…</p>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-sm" role="status">
            {summary(query.data)}
          </p>
          <ChainFindings findings={general} label="Chain check: the chain as a whole" />
          {query.data.candidates.length > 0 ? (
            <div className="flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
              <EstimateLine check={query.data} />
              <div>
                <Button size="sm" onClick={test.run} disabled={test.pending}>
                  {test.pending ? "Testing the chain…" : "Test the chain"}
                </Button>
              </div>
              {test.error ? <Notice tone="error">The test could not run: {test.error.message}</Notice> : null}
              {test.results ? <ChainTestResults test={test.results} labels={query.data.candidates} /> : null}
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
