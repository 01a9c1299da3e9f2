/**
 * The fake router's model list: the seed table, a hand-tuned DeepSeek-R1 (so that
 * :cheapest, :fastest and :preferred pick three different backends), models under the
 * `fault` org that trigger scripted failures, and optional synthetic models for load tests.
 */
import { MODEL_SEEDS, PROVIDER_CODES, type ModelSeed } from "./model-seeds";
import { makeProviderEntry, type ModelTraits } from "./provider-entry";
import { between, unit } from "./seeded";
import type { RouterModel, RouterProvider } from "./types";

/** Faults a `fault/<name>` model triggers; see faults.ts. */
export const FAULT_MODEL_NAMES = [
  "status-503",
  "status-429",
  "hang",
  "drop",
  "status-402",
  "malformed",
  "status-500",
  "status-404",
  "slow",
] as const;

/** DeepSeek-R1 by hand: cheapest = novita, fastest = sambanova, preferred = together; hyperbolic would win both but is down. */
const DEEPSEEK_R1_PROVIDERS: RouterProvider[] = [
  {
    provider: "together",
    status: "live",
    context_length: 163840,
    pricing: { input: 3, output: 7 },
    supports_tools: true,
    supports_structured_output: true,
    first_token_latency_ms: 612.3,
    throughput: 61.84212,
    is_model_author: false,
  },
  {
    provider: "sambanova",
    status: "live",
    context_length: 131072,
    pricing: { input: 5, output: 7.5 },
    supports_tools: true,
    supports_structured_output: false,
    first_token_latency_ms: 298.5,
    throughput: 205.37119,
    is_model_author: false,
  },
  {
    provider: "novita",
    status: "live",
    context_length: 65536,
    pricing: { input: 0.7, output: 2.5 },
    supports_tools: false,
    supports_structured_output: false,
    first_token_latency_ms: 1210.6,
    throughput: 27.90833,
    is_model_author: false,
  },
  {
    provider: "fireworks-ai",
    status: "live",
    context_length: 163840,
    pricing: { input: 3, output: 8 },
    supports_tools: true,
    supports_structured_output: true,
    first_token_latency_ms: 540.2,
    throughput: 98.6615,
    is_model_author: false,
  },
  {
    provider: "hyperbolic",
    status: "error",
    context_length: 131072,
    pricing: { input: 2, output: 2 },
    supports_tools: false,
    supports_structured_output: false,
    first_token_latency_ms: 150,
    throughput: 301.5,
    is_model_author: false,
  },
  { provider: "featherless-ai", status: "live" },
];

function paramsFromId(id: string): { size?: number; active?: number } {
  const name = id.slice(id.indexOf("/") + 1);
  const moe = /(\d+)x(\d+(?:\.\d+)?)B/i.exec(name);
  const total = moe ? undefined : /(\d+(?:\.\d+)?)B(?![a-z])/i.exec(name);
  const active = /-A(\d+(?:\.\d+)?)B/.exec(name);
  return {
    size: moe ? Number(moe[1]) * Number(moe[2]) : total ? Number(total[1]) : undefined,
    active: active ? Number(active[1]) : undefined,
  };
}

function traitsOf(seed: ModelSeed): ModelTraits {
  const parsed = paramsFromId(seed.id);
  const size = seed.size ?? parsed.size ?? 24;
  return {
    id: seed.id,
    org: seed.id.slice(0, seed.id.indexOf("/")),
    size,
    active: seed.active ?? parsed.active ?? size,
    contextLength: seed.ctx ?? 32768,
    reasoning: seed.r === true,
  };
}

function modelFromSeed(seed: ModelSeed): RouterModel {
  const traits = traitsOf(seed);
  const providers =
    seed.id === "deepseek-ai/DeepSeek-R1"
      ? DEEPSEEK_R1_PROVIDERS.map((p) => ({ ...p }))
      : seed.p
          .split(/\s+/)
          .filter(Boolean)
          .map((token) => makeProviderEntry(traits, token));
  const model: RouterModel = {
    id: seed.id,
    object: "model",
    created: Math.floor(between(`${seed.id}|created`, 1_700_000_000, 1_770_000_000)),
    owned_by: traits.org,
    architecture: { input_modalities: seed.v ? ["text", "image"] : ["text"], output_modalities: ["text"] },
    ...seed.names,
    providers,
  };
  // An unknown top-level field now and then: clients must ignore it.
  if (unit(`${seed.id}|pipeline`) < 0.2) model.pipeline_tag = seed.v ? "image-text-to-text" : "text-generation";
  return model;
}

function faultSeed(name: string): ModelSeed {
  return { id: `fault/${name}`, p: "tg", ctx: 32768, size: 8 };
}

const CODES = Object.keys(PROVIDER_CODES);
const SYNTHETIC_SIZES = [0.5, 1, 3, 7, 8, 14, 24, 32, 70, 120];

/** Synthetic model number `k` (1-based): 1–4 backends, every fifth one reasoning, every seventh one vision. */
function syntheticSeed(k: number): ModelSeed {
  const size = SYNTHETIC_SIZES[k % SYNTHETIC_SIZES.length] ?? 8;
  const count = 1 + Math.floor(unit(`syn${k}|count`) * 4);
  const start = Math.floor(unit(`syn${k}|start`) * CODES.length);
  const tokens = Array.from({ length: count }, (_, i) => {
    const code = CODES[(start + i * 3) % CODES.length] ?? "tg";
    const roll = unit(`syn${k}|${i}|marker`);
    // The first backend stays live so every synthetic model can answer.
    return code + (i === 0 ? "" : roll < 0.1 ? "!" : roll < 0.2 ? "?" : "");
  });
  return {
    id: `synthetic-org-${k}/Synthetic-Model-${k}-${size}B-Instruct`,
    p: tokens.join(" "),
    r: k % 5 === 0,
    v: k % 7 === 0,
    ctx: [8192, 32768, 131072, 262144][k % 4],
    size,
  };
}

export interface FakeCatalog {
  models: RouterModel[];
  find(id: string): RouterModel | undefined;
  /** Whether the model streams reasoning before its answer. */
  isReasoning(id: string): boolean;
}

export function buildCatalog(options: { extraModels?: number } = {}): FakeCatalog {
  const extra = Math.max(0, Math.floor(options.extraModels ?? 0));
  const seeds = [
    ...MODEL_SEEDS,
    ...FAULT_MODEL_NAMES.map(faultSeed),
    ...Array.from({ length: extra }, (_, i) => syntheticSeed(i + 1)),
  ];
  const models = seeds.map(modelFromSeed);
  const byId = new Map(models.map((m) => [m.id, m]));
  const reasoning = new Set(seeds.filter((s) => s.r).map((s) => s.id));
  return { models, find: (id) => byId.get(id), isReasoning: (id) => reasoning.has(id) };
}
