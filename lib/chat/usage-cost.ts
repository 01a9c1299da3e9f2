import type { CatalogModel, Pricing } from "@/lib/catalog/catalog-types";
import { parseRef } from "@/lib/refs";

/** Token counts as OpenAI's `usage` reports them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface PriceSource {
  pricing: Pricing;
  /** Where the price came from, for the tooltip. */
  from: "provider" | "config" | "free";
}

/**
 * The price the answering provider charges, from the catalog; the user's own config price when the
 * provider has none; null when unknown (shown as "—", never guessed).
 */
export function priceFor(model: CatalogModel | undefined, provider: string | null): PriceSource | null {
  if (!model) return null;
  const entry = provider ? model.providers.find((p) => p.provider === provider) : undefined;
  if (entry?.pricing) return { pricing: entry.pricing, from: "provider" };
  if (entry?.isFree) return { pricing: { input: 0, output: 0 }, from: "free" };
  return model.configCost ? { pricing: model.configCost, from: "config" } : null;
}

/**
 * The price of the backend that answered a ref: the provider named by `x-inference-provider`
 * (for `:cheapest`/`:fastest` that is the router's pick, not the model's cheapest entry), else the
 * provider pinned by the ref's suffix; null when neither is known or the provider has no price.
 */
export function priceForRef(
  models: readonly CatalogModel[],
  ref: string | null,
  answeringProvider: string | null,
): PriceSource | null {
  if (!ref) return null;
  let parsed;
  try {
    parsed = parseRef(ref);
  } catch {
    return null;
  }
  const provider = answeringProvider ?? (parsed.suffix.kind === "provider" ? parsed.suffix.provider : null);
  return priceFor(
    models.find((m) => m.id === parsed.id),
    provider,
  );
}

/** Roughly four characters per token (OpenAI's rule of thumb), for answers that came without usage. */
export function estimateTokens(chars: number): number {
  return chars > 0 ? Math.max(1, Math.ceil(chars / 4)) : 0;
}

/** Cost in USD; prices are per 1M tokens. Unknown usage or price: null, never a guess. */
export function estimateCost(usage: TokenUsage | null, price: PriceSource | null): number | null {
  if (!usage || !price) return null;
  return (usage.promptTokens * price.pricing.input + usage.completionTokens * price.pricing.output) / 1_000_000;
}

/** "$0.000123", "$0.0421", "$0", or "—" when unknown. Small sums keep three significant digits. */
export function formatCost(usd: number | null): string {
  if (usd === null || !Number.isFinite(usd)) return "—";
  if (usd === 0) return "$0";
  if (usd < 0.000001) return "<$0.000001";
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(3)).toString()}`;
}
