/**
 * Catalog filters. Model-level filters (context, vision, reasoning, live only) look at the model;
 * backend-level ones (provider, tools, structured output, free, prices) need ONE live provider
 * meeting all of them, since that is the backend the user would end up pinning.
 */
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";

export const FLAG_FILTERS = ["tools", "structured", "vision", "reasoning", "free", "live"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export const FLAG_LABELS: Record<FlagFilter, string> = {
  tools: "Tool calling",
  structured: "Structured output",
  vision: "Vision (image input)",
  reasoning: "Reasoning",
  free: "Free",
  live: "Live only",
};

export interface CatalogFilters {
  /** Provider ids; a model passes when one of them serves it live. */
  providers: string[];
  minContext: number | null;
  /** USD per 1M tokens. */
  maxInputPrice: number | null;
  maxOutputPrice: number | null;
  flags: FlagFilter[];
}

export const EMPTY_FILTERS: CatalogFilters = {
  providers: [],
  minContext: null,
  maxInputPrice: null,
  maxOutputPrice: null,
  flags: [],
};

/** Number of active filters, for the "Clear filters (3)" button. */
export function activeFilterCount(filters: CatalogFilters): number {
  return (
    filters.providers.length +
    filters.flags.length +
    [filters.minContext, filters.maxInputPrice, filters.maxOutputPrice].filter((value) => value != null).length
  );
}

export function isFree(provider: CatalogProvider): boolean {
  return provider.isFree === true || (provider.pricing?.input === 0 && provider.pricing.output === 0);
}

/** A predicate for one catalog model; build it once per filter change, run it per model. */
export function modelFilter(filters: CatalogFilters): (model: CatalogModel) => boolean {
  const flags = new Set(filters.flags);
  const providers = new Set(filters.providers);
  const { minContext, maxInputPrice, maxOutputPrice } = filters;
  const needsBackend =
    providers.size > 0 ||
    flags.has("tools") ||
    flags.has("structured") ||
    flags.has("free") ||
    maxInputPrice != null ||
    maxOutputPrice != null;

  const backendFits = (provider: CatalogProvider): boolean =>
    provider.status === "live" &&
    (providers.size === 0 || providers.has(provider.provider)) &&
    (!flags.has("tools") || provider.supportsTools === true) &&
    (!flags.has("structured") || provider.supportsStructuredOutput === true) &&
    (!flags.has("free") || isFree(provider)) &&
    (maxInputPrice == null || (provider.pricing != null && provider.pricing.input <= maxInputPrice)) &&
    (maxOutputPrice == null || (provider.pricing != null && provider.pricing.output <= maxOutputPrice));

  return (model) => {
    if (flags.has("live") && !(model.available && model.providers.some((provider) => provider.status === "live"))) {
      return false;
    }
    if (flags.has("vision") && !model.input.includes("image")) return false;
    if (flags.has("reasoning") && !model.reasoning) return false;
    if (minContext != null && (model.contextWindow ?? 0) < minContext) return false;
    return !needsBackend || model.providers.some(backendFits);
  };
}

/** Every provider id in the catalog with how many models it serves live, most models first. */
export function providerCounts(models: readonly CatalogModel[]): { provider: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const model of models) {
    for (const provider of model.providers) {
      if (provider.status === "live") counts.set(provider.provider, (counts.get(provider.provider) ?? 0) + 1);
      else if (!counts.has(provider.provider)) counts.set(provider.provider, 0);
    }
  }
  return [...counts]
    .map(([provider, count]) => ({ provider, count }))
    .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider));
}

export interface ModelTraits {
  vision: boolean;
  /** Some live backend supports tool calling / structured output / is free. */
  tools: boolean;
  structured: boolean;
  free: boolean;
  live: number;
  total: number;
}

/** What the row badges show, over live backends only. */
export function modelTraits(model: CatalogModel): ModelTraits {
  const live = model.providers.filter((provider) => provider.status === "live");
  return {
    vision: model.input.includes("image"),
    tools: live.some((provider) => provider.supportsTools === true),
    structured: live.some((provider) => provider.supportsStructuredOutput === true),
    free: live.some(isFree),
    live: live.length,
    total: model.providers.length,
  };
}
