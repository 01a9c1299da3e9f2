/**
 * Routing policy maths for one model: which backend `:cheapest` / `:fastest` would pick from today's
 * data, and the context window and price that follow from a choice. What the suffixes mean: README,
 * the routing note under "The OpenClaw config file".
 */
import type { CatalogModel, CatalogProvider, Pricing } from "@/lib/catalog/catalog-types";
import { refFor } from "@/lib/refs";

/** The routing choices of the details view; `provider` pins one backend. */
export type RoutingChoice =
  | { kind: "default" }
  | { kind: "fastest" }
  | { kind: "cheapest" }
  | { kind: "preferred" }
  | { kind: "provider"; provider: string };

export type RoutingKind = RoutingChoice["kind"];

export interface Range {
  min: number;
  max: number;
}

export interface PriceRange {
  input: Range;
  output: Range;
}

export function liveProviders(model: Pick<CatalogModel, "providers">): CatalogProvider[] {
  return model.providers.filter((provider) => provider.status === "live");
}

function rangeOf(values: number[]): Range | null {
  if (values.length === 0) return null;
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Input and output price ranges over the live providers that publish a price; null when none does. */
export function priceRange(model: Pick<CatalogModel, "providers">): PriceRange | null {
  const priced = liveProviders(model).flatMap((provider) => (provider.pricing ? [provider.pricing] : []));
  const input = rangeOf(priced.map((pricing) => pricing.input));
  const output = rangeOf(priced.map((pricing) => pricing.output));
  return input && output ? { input, output } : null;
}

/** The live provider `:cheapest` would pick: lowest output price, then lowest input price. */
export function cheapestProvider(model: Pick<CatalogModel, "providers">): CatalogProvider | null {
  let best: CatalogProvider | null = null;
  for (const provider of liveProviders(model)) {
    if (!provider.pricing) continue;
    const bestPricing = best?.pricing;
    if (
      !bestPricing ||
      provider.pricing.output < bestPricing.output ||
      (provider.pricing.output === bestPricing.output && provider.pricing.input < bestPricing.input)
    ) {
      best = provider;
    }
  }
  return best;
}

/** The live provider `:fastest` would pick: highest throughput (tokens/s). */
export function fastestProvider(model: Pick<CatalogModel, "providers">): CatalogProvider | null {
  let best: CatalogProvider | null = null;
  for (const provider of liveProviders(model)) {
    if (provider.throughput == null) continue;
    if (best?.throughput == null || provider.throughput > best.throughput) best = provider;
  }
  return best;
}

/** Lowest output price among live providers (the sort key "price"); null when unknown. */
export function cheapestOutputPrice(model: Pick<CatalogModel, "providers">): number | null {
  return cheapestProvider(model)?.pricing?.output ?? null;
}

/** Highest throughput among live providers; null when unknown. */
export function bestThroughput(model: Pick<CatalogModel, "providers">): number | null {
  return fastestProvider(model)?.throughput ?? null;
}

/** Lowest first-token latency among live providers; null when unknown. */
export function bestLatency(model: Pick<CatalogModel, "providers">): number | null {
  const values = liveProviders(model).flatMap((provider) =>
    provider.firstTokenLatencyMs == null ? [] : [provider.firstTokenLatencyMs],
  );
  return values.length ? Math.min(...values) : null;
}

/** The suffix text of a choice ("" for default). */
export function suffixOfChoice(choice: RoutingChoice): string {
  if (choice.kind === "default") return "";
  return choice.kind === "provider" ? choice.provider : choice.kind;
}

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads a URL/ref suffix back into a choice; a provider id pins it; anything unreadable is default. */
export function choiceFromSuffix(suffix: string | null | undefined): RoutingChoice {
  const text = (suffix ?? "").trim();
  if (text === "fastest" || text === "cheapest" || text === "preferred") return { kind: text };
  if (PROVIDER_ID.test(text)) return { kind: "provider", provider: text };
  return { kind: "default" };
}

/** The ref a choice stands for, e.g. `huggingface/deepseek-ai/DeepSeek-R1:fastest`. */
export function refForChoice(model: Pick<CatalogModel, "id">, choice: RoutingChoice): string {
  const suffix = suffixOfChoice(choice);
  try {
    return refFor(model.id, suffix || null);
  } catch {
    // An id the ref grammar rejects still gets a readable ref instead of breaking the page.
    return `huggingface/${model.id}${suffix ? `:${suffix}` : ""}`;
  }
}

/** True when the router picks the backend, so the backend picker is hidden. */
export function isLockedChoice(choice: RoutingChoice): boolean {
  return choice.kind === "fastest" || choice.kind === "cheapest";
}

export interface ChoiceOutcome {
  /** The backend that will answer when it is known from today's data (pinned, or cheapest/fastest's pick). */
  provider: CatalogProvider | null;
  /** Context window following from the choice: the pinned provider's, else the smallest live one. */
  contextWindow: number | null;
  /** The exact price when one backend is known, else null (see `priceRange`). */
  pricing: Pricing | null;
  /** The range over live providers when the backend is not known in advance. */
  range: PriceRange | null;
}

function smallestLiveContext(model: Pick<CatalogModel, "providers" | "contextWindow">): number | null {
  const values = liveProviders(model).flatMap((provider) =>
    provider.contextLength == null ? [] : [provider.contextLength],
  );
  return values.length ? Math.min(...values) : (model.contextWindow ?? null);
}

/**
 * What a choice means for this model today. A policy's context stays the smallest live one:
 * the router may pick another backend tomorrow, so only a pinned provider earns its own context.
 */
export function choiceOutcome(
  model: Pick<CatalogModel, "providers" | "contextWindow">,
  choice: RoutingChoice,
): ChoiceOutcome {
  const range = priceRange(model);
  const context = smallestLiveContext(model);
  switch (choice.kind) {
    case "provider": {
      const provider = model.providers.find((candidate) => candidate.provider === choice.provider) ?? null;
      return {
        provider,
        contextWindow: provider?.contextLength ?? context,
        pricing: provider?.pricing ?? null,
        range: null,
      };
    }
    case "cheapest":
    case "fastest": {
      const provider = choice.kind === "cheapest" ? cheapestProvider(model) : fastestProvider(model);
      return { provider, contextWindow: context, pricing: provider?.pricing ?? null, range };
    }
    default:
      return { provider: null, contextWindow: context, pricing: null, range };
  }
}
