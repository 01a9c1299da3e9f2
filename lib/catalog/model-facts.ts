/**
 * Model facts for OpenClaw (README, "Model facts for OpenClaw"): what the catalog knows about the
 * backend a ref would use, in the shape of an entry of `models.providers.huggingface.models[]`.
 * Pure; the config writer decides which of these values go into the file.
 */
import { z } from "zod";
import type { CatalogModel, CatalogProvider } from "./catalog-types";
import { deriveDisplayName } from "./display-name";
import { cheapestProvider, fastestProvider, liveProviders } from "./routing-policy";
import { parseRef, upstreamModelId } from "@/lib/refs";

/** The input kinds OpenClaw's schema accepts for a model entry. */
const OPENCLAW_INPUTS = ["text", "image", "video", "audio"] as const;

export const factCostSchema = z.object({ input: z.number(), output: z.number() });

/** The values the dashboard may write into an entry; `name` is required by OpenClaw's schema. */
export const factValuesSchema = z.object({
  name: z.string().min(1),
  contextWindow: z.number().positive().optional(),
  /** USD per 1M tokens. */
  cost: factCostSchema.optional(),
  reasoning: z.boolean().optional(),
  input: z.array(z.enum(OPENCLAW_INPUTS)).optional(),
});
export type FactValues = z.infer<typeof factValuesSchema>;

/** The fields of an entry the dashboard maintains, in the order a new entry lists them. */
export const FACT_FIELDS = ["name", "contextWindow", "cost", "reasoning", "input"] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/**
 * Where the figures come from: a pinned backend, the backend `:cheapest` / `:fastest` picks
 * today, the least favourable live value (no suffix or `:preferred`: the router may use any
 * backend), the built-in list (no live data), or nothing but the id.
 */
export const factsBasisSchema = z.enum(["pinned", "cheapest", "fastest", "least-favourable", "builtin", "unknown"]);
export type FactsBasis = z.infer<typeof factsBasisSchema>;

export interface RefFacts {
  ref: string;
  /** The entry's `id`: the ref without `huggingface/`, suffix kept. */
  id: string;
  values: FactValues;
  basis: FactsBasis;
  /** The backend the figures are for, when one is known. */
  provider: string | null;
  /** One sentence for the settings page, e.g. "smallest context and highest price of 4 live backends". */
  note: string;
}

function smallest(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

function largest(values: number[]): number | undefined {
  return values.length > 0 ? Math.max(...values) : undefined;
}

function inputsOf(model: CatalogModel): FactValues["input"] {
  const known = model.input.filter((kind): kind is (typeof OPENCLAW_INPUTS)[number] =>
    (OPENCLAW_INPUTS as readonly string[]).includes(kind),
  );
  return known.length > 0 ? known : undefined;
}

function compact(values: FactValues): FactValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as FactValues;
}

/** Figures of one backend; a missing context falls back to the model's (the smallest live one). */
function fromBackend(model: CatalogModel, provider: CatalogProvider): Pick<FactValues, "contextWindow" | "cost"> {
  return { contextWindow: provider.contextLength ?? model.contextWindow, cost: provider.pricing };
}

/** Smallest context and highest input and output price over the live backends. */
function leastFavourable(model: CatalogModel): Pick<FactValues, "contextWindow" | "cost"> {
  const live = liveProviders(model);
  const priced = live.flatMap((p) => (p.pricing ? [p.pricing] : []));
  const input = largest(priced.map((p) => p.input));
  const output = largest(priced.map((p) => p.output));
  return {
    contextWindow: smallest(live.map((p) => p.contextLength)) ?? model.contextWindow,
    cost: input !== undefined && output !== undefined ? { input, output } : undefined,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * The facts for `ref` from its catalog model (undefined when the catalog does not know it).
 * Nothing is invented: a price appears only when a live backend publishes one.
 */
export function factsForRef(ref: string, model: CatalogModel | undefined): RefFacts {
  const parsed = parseRef(ref);
  const id = upstreamModelId(ref);
  const base = { ref, id };
  if (!model) {
    return {
      ...base,
      values: { name: deriveDisplayName(parsed.id) },
      basis: "unknown",
      provider: null,
      note: "not in the catalog: only a name derived from the id",
    };
  }
  const known = { name: model.name, reasoning: model.reasoning, input: inputsOf(model) };
  const live = liveProviders(model);
  if (live.length === 0 && parsed.suffix.kind !== "provider") {
    return {
      ...base,
      values: compact({ ...known, contextWindow: model.contextWindow }),
      basis: model.contextWindow === undefined ? "unknown" : "builtin",
      provider: null,
      note: "no live backend: name and context from the built-in list, no price",
    };
  }
  const suffix = parsed.suffix;
  if (suffix.kind === "provider") {
    const backend = model.providers.find((p) => p.provider === suffix.provider);
    if (!backend) {
      return {
        ...base,
        values: compact({ ...known, contextWindow: model.contextWindow }),
        basis: "unknown",
        provider: suffix.provider,
        note: `${suffix.provider} is not among this model's backends: no price`,
      };
    }
    const down = backend.status === "error" ? " (in error right now)" : "";
    return {
      ...base,
      values: compact({ ...known, ...fromBackend(model, backend) }),
      basis: "pinned",
      provider: backend.provider,
      note: `pinned backend ${backend.provider}${down}${backend.pricing ? "" : ", which publishes no price"}`,
    };
  }
  if (suffix.kind === "policy" && suffix.policy !== "preferred") {
    const policy = suffix.policy;
    const pick = policy === "cheapest" ? cheapestProvider(model) : fastestProvider(model);
    if (pick) {
      return {
        ...base,
        values: compact({ ...known, ...fromBackend(model, pick) }),
        basis: policy,
        provider: pick.provider,
        note: `${pick.provider}, the backend :${policy} picks today`,
      };
    }
  }
  const priced = live.filter((p) => p.pricing).length;
  const backends = plural(live.length, "live backend");
  const figures =
    priced === 0
      ? `smallest context of ${backends}; none publishes a price`
      : priced < live.length
        ? `smallest context and highest price of ${backends} (${priced} publish a price)`
        : `smallest context and highest price of ${backends}`;
  const why =
    suffix.kind === "policy" && suffix.policy !== "preferred"
      ? `:${suffix.policy} has no figures to pick by`
      : "the router may use any backend";
  return {
    ...base,
    values: compact({ ...known, ...leastFavourable(model) }),
    basis: "least-favourable",
    provider: null,
    note: `${why}: ${figures}`,
  };
}

/** The catalog model of a ref (by Hub id, suffix ignored). */
export function catalogModelOf(ref: string, models: readonly CatalogModel[]): CatalogModel | undefined {
  const id = parseRef(ref).id;
  return models.find((model) => model.id === id);
}
