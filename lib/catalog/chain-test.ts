/**
 * "Test the chain" (README, "Chain check"): the tiny request sent through each candidate, what it
 * may cost at most, and which candidate a real request would get its answer from. Pure; the
 * server's lib/server/chain-test/ sends the requests.
 */
import type { ChainCandidate, ChainTestEstimate, ChainTestResult, ChainVerdict } from "./chain-types";

/** A fixed, short prompt: the answer does not matter, only whether and how fast one comes. */
export const CHAIN_TEST_PROMPT = "Reply with the single word OK.";
export const CHAIN_TEST_MAX_TOKENS = 16;
/** The prompt with a chat template around it: a generous count, so the estimate is an upper bound. */
export const CHAIN_TEST_PROMPT_TOKENS = 40;

/** The most the test can cost: every candidate answering with the full `max_tokens`, at its price. */
export function estimateChainTest(candidates: readonly Pick<ChainCandidate, "ref" | "cost">[]): ChainTestEstimate {
  let maxUsd = 0;
  const unpriced: string[] = [];
  for (const { ref, cost } of candidates) {
    if (!cost) unpriced.push(ref);
    else maxUsd += (CHAIN_TEST_PROMPT_TOKENS * cost.input + CHAIN_TEST_MAX_TOKENS * cost.output) / 1_000_000;
  }
  return { requests: candidates.length, maxTokens: CHAIN_TEST_MAX_TOKENS, maxUsd, unpriced };
}

function failure(result: ChainTestResult): string {
  return result.outcome === result.message ? result.outcome : `${result.outcome}: ${result.message ?? ""}`.trim();
}

/**
 * Walks the results as the gateway would walk the candidates: the first that answered gets the
 * request; before it, each failure either moves on (e.g. 503, timeout) or stops the request (400,
 * 401, 403: every candidate would fail alike); after it, nothing is tried.
 */
export function chainVerdict(results: readonly ChainTestResult[]): ChainVerdict {
  let answeredBy: string | null = null;
  let stoppedAt: ChainTestResult | null = null;
  const reasons = results.map((result) => {
    const base = { ref: result.ref, position: result.position };
    if (answeredBy !== null) {
      return { ...base, reason: `Not reached: ${answeredBy} answers first.` };
    }
    if (stoppedAt !== null) {
      return { ...base, reason: `Not reached: the request stops at ${stoppedAt.ref} (${stoppedAt.outcome}).` };
    }
    if (result.ok) {
      answeredBy = result.ref;
      const by = result.provider ? ` (${result.provider})` : "";
      return { ...base, reason: `Answers${by}: a real request would get its answer here.` };
    }
    if (result.fallsBack)
      return { ...base, reason: `Fails (${failure(result)}); the gateway moves on to the next one.` };
    stoppedAt = result;
    return { ...base, reason: `Fails (${failure(result)}); the gateway stops here: every candidate would fail alike.` };
  });
  return { answeredBy, reasons };
}
