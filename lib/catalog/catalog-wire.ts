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
import { packColumn, unpackColumn } from "./wire-columns";
import { PROVIDER_PREFIX } from "@/lib/refs";

/*
 * The wire shape of `GET /api/models` (README, "The catalog on the wire"): what the client can
 * derive is left out, defaults are absent, and the providers of every model are laid out in
 * columns (one packed string per field, wire-columns.ts) with their names in a dictionary. At
 * 10,000 models that is about a seventh of the bytes of the expanded shape before compression, and
 * it compresses better too (similar values side by side).
 */

/** A model's fields that differ from what its id implies; absent for most models. */
export const wireModelExtrasSchema = z.object({
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
});
export type WireModelExtras = z.infer<typeof wireModelExtrasSchema>;

/** One packed string per provider field, every model's providers in order (wire-columns.ts). */
export const wireProviderColumnsSchema = z.object({
  /** Index into `providerNames` × 2, + 1 when the provider's status is "error". */
  provider: z.string(),
  contextLength: z.string(),
  /** USD per 1M tokens, packed in cents. */
  input: z.string(),
  output: z.string(),
  /** Free, tools, structured output, model author: a base-3 digit each (0 unknown, 1 no, 2 yes). */
  flags: z.string(),
  firstTokenLatencyMs: z.string(),
  throughput: z.string(),
});
type ProviderColumn = keyof z.infer<typeof wireProviderColumnsSchema>;

export const wireCatalogSchema = z.object({
  source: catalogSourceSchema,
  fetchedAt: z.string().nullable(),
  error: z.string().optional(),
  checking: z.literal(true).optional(),
  /** Hub ids in list order; `[n, rest]` is the first n characters of the previous id, then rest. */
  ids: z.array(z.union([z.string(), z.tuple([z.number().int().min(1), z.string()])])),
  /** Extras by the model's index in `ids`. */
  extras: z.record(z.string(), wireModelExtrasSchema),
  providerNames: z.array(z.string()),
  /** How many providers each model has, packed. */
  providerCounts: z.string(),
  providers: wireProviderColumnsSchema,
});
export type WireCatalog = z.infer<typeof wireCatalogSchema>;

const FLAG_KEYS = ["isFree", "supportsTools", "supportsStructuredOutput", "isModelAuthor"] as const;

function flagNumber(provider: CatalogProvider): number | null {
  const digits = FLAG_KEYS.map((key) => (provider[key] === undefined ? 0 : provider[key] ? 2 : 1));
  return digits.every((d) => d === 0) ? null : digits.reduce((sum: number, d) => sum * 3 + d, 0);
}

function applyFlags(entry: CatalogProvider, value: number): void {
  let rest = value;
  for (let i = FLAG_KEYS.length - 1; i >= 0; i--) {
    const digit = rest % 3;
    rest = Math.floor(rest / 3);
    const key = FLAG_KEYS[i];
    if (key && digit !== 0) entry[key] = digit === 2;
  }
}

/** What the page shows: whole ms (tens of ms from 1 s, shown as "1.49 s"); tenths of a token/s below 10, else whole. */
export function displayLatency(ms: number | undefined): number | null {
  if (ms === undefined) return null;
  return ms >= 1000 ? Math.round(ms / 10) * 10 : Math.round(ms);
}

export function displayThroughput(tokensPerSecond: number | undefined): number | null {
  if (tokensPerSecond === undefined) return null;
  return tokensPerSecond < 10 ? Math.round(tokensPerSecond * 10) / 10 : Math.round(tokensPerSecond);
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

/** The fields of `model` the client could not derive from its id and providers. */
export function modelExtras(model: CatalogModel): WireModelExtras {
  const extras: WireModelExtras = {};
  if (model.ref !== `${PROVIDER_PREFIX}/${model.id}`) extras.ref = model.ref;
  if (model.name !== deriveDisplayName(model.id)) extras.name = model.name;
  if (model.alias !== undefined) extras.alias = model.alias;
  if (model.ownedBy !== orgOf(model.id)) extras.ownedBy = model.ownedBy;
  if (model.builtin) extras.builtin = true;
  if (model.contextWindow !== undefined && model.contextWindow !== smallestLiveContext(model.providers))
    extras.contextWindow = model.contextWindow;
  if (model.maxTokens !== undefined) extras.maxTokens = model.maxTokens;
  if (model.reasoning !== looksLikeReasoning(model.id)) extras.reasoning = model.reasoning;
  if (model.input.length !== 1 || model.input[0] !== "text") extras.input = model.input;
  if (model.configCost) extras.configCost = pricingTuple(model.configCost);
  return extras;
}

function modelFrom(id: string, extras: WireModelExtras, providers: CatalogProvider[]): CatalogModel {
  const name = extras.name ?? deriveDisplayName(id);
  const model: CatalogModel = {
    ref: extras.ref ?? `${PROVIDER_PREFIX}/${id}`,
    id,
    displayName: extras.alias ?? name,
    name,
    ownedBy: extras.ownedBy ?? orgOf(id),
    available: providers.some((p) => p.status === "live"),
    builtin: extras.builtin === true,
    reasoning: extras.reasoning ?? looksLikeReasoning(id),
    input: extras.input ?? ["text"],
    providers,
  };
  if (extras.alias !== undefined) model.alias = extras.alias;
  const contextWindow = extras.contextWindow ?? smallestLiveContext(providers);
  if (contextWindow !== undefined) model.contextWindow = contextWindow;
  if (extras.maxTokens !== undefined) model.maxTokens = extras.maxTokens;
  if (extras.configCost) model.configCost = { input: extras.configCost[0], output: extras.configCost[1] };
  return model;
}

/** The page's precision, applied before the model's context window is compared with its providers'. */
function roundedProvider(provider: CatalogProvider): CatalogProvider {
  const rounded = { ...provider };
  const latency = displayLatency(provider.firstTokenLatencyMs);
  const throughput = displayThroughput(provider.throughput);
  if (latency !== null) rounded.firstTokenLatencyMs = latency;
  if (throughput !== null) rounded.throughput = throughput;
  return rounded;
}

export function encodeCatalog(catalog: CatalogResponse): WireCatalog {
  const { models, ...rest } = catalog;
  const names = new Map<string, number>();
  const columns: Record<ProviderColumn, (number | null)[]> = {
    provider: [],
    contextLength: [],
    input: [],
    output: [],
    flags: [],
    firstTokenLatencyMs: [],
    throughput: [],
  };
  const ids: WireCatalog["ids"] = [];
  const extras: WireCatalog["extras"] = {};
  const counts: number[] = [];
  let previous = "";
  models.forEach((model, index) => {
    let shared = 0;
    while (shared < previous.length && previous[shared] === model.id[shared]) shared++;
    ids.push(shared > 0 ? [shared, model.id.slice(shared)] : model.id);
    previous = model.id;
    const rounded = model.providers.map(roundedProvider);
    const more = modelExtras({ ...model, providers: rounded });
    if (Object.keys(more).length > 0) extras[String(index)] = more;
    counts.push(rounded.length);
    for (const p of rounded) {
      let name = names.get(p.provider);
      if (name === undefined) names.set(p.provider, (name = names.size));
      columns.provider.push(name * 2 + (p.status === "error" ? 1 : 0));
      columns.contextLength.push(p.contextLength ?? null);
      columns.input.push(p.pricing?.input ?? null);
      columns.output.push(p.pricing?.output ?? null);
      columns.flags.push(flagNumber(p));
      columns.firstTokenLatencyMs.push(p.firstTokenLatencyMs ?? null);
      columns.throughput.push(p.throughput ?? null);
    }
  });
  return {
    ...rest,
    ids,
    extras,
    providerNames: [...names.keys()],
    providerCounts: packColumn(counts),
    providers: {
      provider: packColumn(columns.provider),
      contextLength: packColumn(columns.contextLength),
      input: packColumn(columns.input, 100),
      output: packColumn(columns.output, 100),
      flags: packColumn(columns.flags),
      firstTokenLatencyMs: packColumn(columns.firstTokenLatencyMs),
      throughput: packColumn(columns.throughput),
    },
  };
}

function unpackAll(wire: WireCatalog, total: number): Record<ProviderColumn, (number | null)[]> {
  const scales: Partial<Record<ProviderColumn, number>> = { input: 100, output: 100 };
  const out = {} as Record<ProviderColumn, (number | null)[]>;
  for (const key of Object.keys(wire.providers) as ProviderColumn[]) {
    try {
      out[key] = unpackColumn(wire.providers[key], total, scales[key]);
    } catch (error) {
      throw new Error(`catalog column ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}

/** The catalog as the page uses it; throws (naming what is wrong) on an inconsistent answer. */
export function decodeCatalog(wire: WireCatalog): CatalogResponse {
  const { ids, extras, providerNames, providerCounts, providers: _columns, ...rest } = wire;
  const counts = unpackColumn(providerCounts, ids.length);
  const total = counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const columns = unpackAll(wire, total);
  const models: CatalogModel[] = [];
  let previous = "";
  let next = 0;
  ids.forEach((entry, index) => {
    const id = typeof entry === "string" ? entry : previous.slice(0, entry[0]) + entry[1];
    previous = id;
    const providers: CatalogProvider[] = [];
    for (let k = 0; k < (counts[index] ?? 0); k++, next++) {
      const code = columns.provider[next] ?? 0;
      const name = providerNames[Math.floor(code / 2)];
      if (name === undefined) throw new Error(`no provider name for index ${Math.floor(code / 2)}`);
      const entry: CatalogProvider = { provider: name, status: code % 2 === 1 ? "error" : "live" };
      const context = columns.contextLength[next];
      const input = columns.input[next];
      const output = columns.output[next];
      const flags = columns.flags[next];
      const latency = columns.firstTokenLatencyMs[next];
      const throughput = columns.throughput[next];
      if (context != null) entry.contextLength = context;
      if (input != null && output != null) entry.pricing = { input, output };
      if (flags != null) applyFlags(entry, flags);
      if (latency != null) entry.firstTokenLatencyMs = latency;
      if (throughput != null) entry.throughput = throughput;
      providers.push(entry);
    }
    models.push(modelFrom(id, extras[String(index)] ?? {}, providers));
  });
  return { ...rest, models };
}
