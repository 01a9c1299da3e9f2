/**
 * Turns one provider code of a seed into a `providers[]` entry with plausible numbers:
 * bigger models cost more and run slower, the "fast hardware" backends run faster.
 */
import { PROVIDER_CODES, type ProviderCode } from "./model-seeds";
import { between, round, unit } from "./seeded";
import type { RouterProvider } from "./types";

export interface ModelTraits {
  id: string;
  org: string;
  /** Total and active parameters, billions. */
  size: number;
  active: number;
  contextLength: number;
  reasoning: boolean;
}

/** Price multiplier and speed multiplier per backend. */
const PROFILE: Record<string, { price: number; speed: number }> = {
  together: { price: 1.15, speed: 1.5 },
  "fireworks-ai": { price: 1.05, speed: 1.8 },
  novita: { price: 0.8, speed: 0.9 },
  sambanova: { price: 1.4, speed: 5 },
  groq: { price: 0.95, speed: 7 },
  cerebras: { price: 1.25, speed: 14 },
  nebius: { price: 0.85, speed: 1.1 },
  hyperbolic: { price: 0.9, speed: 1 },
  "featherless-ai": { price: 1, speed: 0.5 },
  nscale: { price: 0.85, speed: 1 },
  scaleway: { price: 1, speed: 1 },
  ovhcloud: { price: 0.9, speed: 0.9 },
  publicai: { price: 0.7, speed: 0.8 },
  "zai-org": { price: 1.1, speed: 1.2 },
  deepinfra: { price: 0.7, speed: 1.2 },
  "hf-inference": { price: 0.6, speed: 0.7 },
  cohere: { price: 1.5, speed: 1.3 },
};

function isProviderCode(code: string): code is ProviderCode {
  return Object.hasOwn(PROVIDER_CODES, code);
}

export function parseProviderToken(token: string): { provider: string; marker: "" | "!" | "?" | "$" } {
  const match = /^([a-z]+)([!?$]?)$/.exec(token);
  const code = match?.[1] ?? "";
  if (!match || !isProviderCode(code)) throw new Error(`fake router seed: unknown provider code "${token}"`);
  return { provider: PROVIDER_CODES[code], marker: (match[2] ?? "") as "" | "!" | "?" | "$" };
}

export function makeProviderEntry(model: ModelTraits, token: string): RouterProvider {
  const { provider, marker } = parseProviderToken(token);
  const status = marker === "!" ? "error" : "live";
  if (marker === "?") return { provider, status };

  const key = `${model.id}|${provider}`;
  const profile = PROFILE[provider] ?? { price: 1, speed: 1 };
  const basePrice = (0.02 + 0.01 * model.active + 0.0012 * model.size) * (model.reasoning ? 2 : 1);
  const output = Math.max(0.01, round(basePrice * profile.price * between(`${key}|price`, 0.85, 1.15), 2));
  const input = Math.max(0.01, round(output * between(`${key}|input`, 0.25, 0.5), 2));
  const throughput = (260 / Math.sqrt(model.active)) * profile.speed * between(`${key}|speed`, 0.8, 1.2);
  const latency =
    (300 + 40 * Math.sqrt(model.active)) * (profile.speed > 3 ? 0.4 : 1) * between(`${key}|ttft`, 0.7, 1.5);
  const halfContext = unit(`${key}|ctx`) < 0.25;

  const entry: RouterProvider = {
    provider,
    status,
    context_length: halfContext ? Math.max(4096, model.contextLength / 2) : model.contextLength,
  };
  // Some backends publish no price or no speed, like fireworks-ai in the docs example.
  if (marker === "$") {
    entry.pricing = { input: 0, output: 0 };
    entry.is_free = true;
  } else if (unit(`${key}|noprice`) >= 0.1) {
    entry.pricing = { input, output };
  }
  entry.supports_tools = unit(`${key}|tools`) < (model.size < 2 ? 0.3 : 0.75);
  entry.supports_structured_output = unit(`${key}|so`) < 0.55;
  if (unit(`${key}|nospeed`) >= 0.08) {
    entry.first_token_latency_ms = round(latency, 1);
    entry.throughput = throughput;
  }
  entry.is_model_author = model.org === provider || (model.org === "CohereLabs" && provider === "cohere");
  if (unit(`${key}|extra`) < 0.08) {
    entry.quantization = "fp8";
    entry.max_output_tokens = 16384;
  }
  return entry;
}
