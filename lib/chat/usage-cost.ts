import type { CatalogModel, Pricing } from "@/lib/catalog/catalog-types";

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

/** Estimated cost in USD; prices are per 1M tokens. */
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
