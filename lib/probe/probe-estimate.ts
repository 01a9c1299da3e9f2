import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { liveProviders } from "@/lib/catalog/routing-policy";
import { priceFor } from "@/lib/chat/usage-cost";
import { PROBE_MAX_TOKENS, PROBE_PROMPT_TOKENS_MAX } from "./probe-types";

export interface ProbeEstimate {
  /** The live backends a probe sends one request to. */
  providers: string[];
  /** Upper bound in USD over the priced backends; null when none has a price. */
  maxCostUsd: number | null;
  /** Live backends without a price: their cost cannot be told in advance. */
  unpriced: string[];
}

/**
 * What "test every backend" costs at most, shown before it runs: each live backend's price (the
 * same one the ledger charges) for the largest prompt a probe sends and its token cap.
 */
export function estimateProbe(model: CatalogModel): ProbeEstimate {
  const live = liveProviders(model);
  let total = 0;
  let priced = 0;
  const unpriced: string[] = [];
  for (const backend of live) {
    const price = priceFor(model, backend.provider);
    if (!price) {
      unpriced.push(backend.provider);
      continue;
    }
    priced += 1;
    total += (PROBE_PROMPT_TOKENS_MAX * price.pricing.input + PROBE_MAX_TOKENS * price.pricing.output) / 1_000_000;
  }
  return { providers: live.map((p) => p.provider), maxCostUsd: priced > 0 ? total : null, unpriced };
}
