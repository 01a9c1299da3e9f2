import { z } from "zod";
import { looksLikeReasoning } from "./catalog-merge";
import {
  catalogSourceSchema,
  type CatalogModel,
  type CatalogProvider,
  type CatalogResponse,
  type Pricing,
} from "./catalog-types";
import { deriveDisplayName } from "./display-name";
import { PROVIDER_PREFIX } from "@/lib/refs";

/*
 * The wire shape of `GET /api/models` (README, "The catalog on the wire"): what the client can
 * derive is left out, defaults are absent keys, and each provider is one positional array. At
 * 10,000 models that is about a fifth of the bytes of the expanded shape, before compression.
 */

/** [provider, status, contextLength, input $/1M, output $/1M, flags, firstTokenLatencyMs, throughput]; trailing nulls dropped. */
export const wireProviderSchema = z.tuple(
  [z.string(), z.enum(["live", "error"])],
  z.union([z.number(), z.string(), z.null()]),
);
export type WireProvider = z.infer<typeof wireProviderSchema>;

export const wireModelSchema = z.object({
  id: z.string(),
  /** Only when not `huggingface/<id>`. */
  ref: z.string().optional(),
  /** Only when not derived from the id. */
  name: z.string().optional(),
  alias: z.string().optional(),
  /** Only when not the id's org. */
  ownedBy: z.string().optional(),
  builtin: z.literal(true).optional(),
  /** Only when not the smallest context among live providers. */
  contextWindow: z.number().optional(),
  maxTokens: z.number().optional(),
  /** Only when it differs from what the id suggests (looksLikeReasoning). */
  reasoning: z.boolean().optional(),
  /** Only when not `["text"]`. */
  input: z.array(z.string()).optional(),
  configCost: z.tuple([z.number(), z.number()]).optional(),
  providers: z.array(wireProviderSchema).optional(),
});
export type WireModel = z.infer<typeof wireModelSchema>;

export const wireCatalogSchema = z.object({
  source: catalogSourceSchema,
  fetchedAt: z.string().nullable(),
  error: z.string().optional(),
  checking: z.literal(true).optional(),
  models: z.array(wireModelSchema),
});
export type WireCatalog = z.infer<typeof wireCatalogSchema>;

/** Flags in one string, one character each: free, tools, structured output, model author; "1", "0" or "-" (unknown). */
const FLAG_KEYS = ["isFree", "supportsTools", "supportsStructuredOutput", "isModelAuthor"] as const;

function flagText(provider: CatalogProvider): string | null {
  const text = FLAG_KEYS.map((key) => (provider[key] === undefined ? "-" : provider[key] ? "1" : "0")).join("");
  return text === "----" ? null : text;
}

/** Display precision: whole milliseconds, tenths of a token per second. */
const round = (value: number | undefined, digits: number) =>
  value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function encodeProvider(provider: CatalogProvider): WireProvider {
  const tuple: WireProvider = [
    provider.provider,
    provider.status,
    provider.contextLength ?? null,
    provider.pricing?.input ?? null,
    provider.pricing?.output ?? null,
    flagText(provider),
    round(provider.firstTokenLatencyMs, 0),
    round(provider.throughput, 1),
  ];
  while (tuple.length > 2 && tuple[tuple.length - 1] === null) tuple.pop();
  return tuple;
}

function decodeProvider(tuple: readonly (string | number | null)[]): CatalogProvider {
  const [provider, status, contextLength, input, output, flags, latency, throughput] = tuple;
  const entry: CatalogProvider = { provider: String(provider), status: status === "error" ? "error" : "live" };
  if (typeof contextLength === "number") entry.contextLength = contextLength;
  if (typeof input === "number" && typeof output === "number") entry.pricing = { input, output };
  if (typeof flags === "string")
    FLAG_KEYS.forEach((key, i) => {
      if (flags[i] === "1" || flags[i] === "0") entry[key] = flags[i] === "1";
    });
  if (typeof latency === "number") entry.firstTokenLatencyMs = latency;
  if (typeof throughput === "number") entry.throughput = throughput;
  return entry;
}

function smallestLiveContext(providers: readonly CatalogProvider[]): number | undefined {
  let smallest: number | undefined;
  for (const p of providers)
    if (p.status === "live" && p.contextLength !== undefined && (smallest === undefined || p.contextLength < smallest))
      smallest = p.contextLength;
  return smallest;
}

const orgOf = (id: string) => id.slice(0, Math.max(0, id.indexOf("/")));
const pricingTuple = (pricing: Pricing): [number, number] => [pricing.input, pricing.output];

export function encodeModel(model: CatalogModel): WireModel {
  const providers = model.providers.map(encodeProvider);
  const wire: WireModel = { id: model.id };
  if (model.ref !== `${PROVIDER_PREFIX}/${model.id}`) wire.ref = model.ref;
  if (model.name !== deriveDisplayName(model.id)) wire.name = model.name;
  if (model.alias !== undefined) wire.alias = model.alias;
  if (model.ownedBy !== orgOf(model.id)) wire.ownedBy = model.ownedBy;
  if (model.builtin) wire.builtin = true;
  // The decoder takes the smallest live context, so the rounded providers must say the same.
  const decodedProviders = providers.map(decodeProvider);
  if (model.contextWindow !== smallestLiveContext(decodedProviders) && model.contextWindow !== undefined)
    wire.contextWindow = model.contextWindow;
  if (model.maxTokens !== undefined) wire.maxTokens = model.maxTokens;
  if (model.reasoning !== looksLikeReasoning(model.id)) wire.reasoning = model.reasoning;
  if (model.input.length !== 1 || model.input[0] !== "text") wire.input = model.input;
  if (model.configCost) wire.configCost = pricingTuple(model.configCost);
  if (providers.length > 0) wire.providers = providers;
  return wire;
}

export function decodeModel(wire: WireModel): CatalogModel {
  const providers = (wire.providers ?? []).map(decodeProvider);
  const name = wire.name ?? deriveDisplayName(wire.id);
  const model: CatalogModel = {
    ref: wire.ref ?? `${PROVIDER_PREFIX}/${wire.id}`,
    id: wire.id,
    displayName: wire.alias ?? name,
    name,
    ownedBy: wire.ownedBy ?? orgOf(wire.id),
    available: providers.some((p) => p.status === "live"),
    builtin: wire.builtin === true,
    reasoning: wire.reasoning ?? looksLikeReasoning(wire.id),
    input: wire.input ?? ["text"],
    providers,
  };
  if (wire.alias !== undefined) model.alias = wire.alias;
  const contextWindow = wire.contextWindow ?? smallestLiveContext(providers);
  if (contextWindow !== undefined) model.contextWindow = contextWindow;
  if (wire.maxTokens !== undefined) model.maxTokens = wire.maxTokens;
  if (wire.configCost) model.configCost = { input: wire.configCost[0], output: wire.configCost[1] };
  return model;
}

export function encodeCatalog(catalog: CatalogResponse): WireCatalog {
  const { models, ...rest } = catalog;
  return { ...rest, models: models.map(encodeModel) };
}

export function decodeCatalog(wire: WireCatalog): CatalogResponse {
  const { models, ...rest } = wire;
  return { ...rest, models: models.map(decodeModel) };
}
