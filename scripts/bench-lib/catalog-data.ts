/** Deterministic synthetic catalogs for scripts/bench-catalog.ts: realistic names, ids and providers. */
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";

const FAMILIES = [
  ["meta-llama", "Llama"],
  ["Qwen", "Qwen"],
  ["deepseek-ai", "DeepSeek"],
  ["google", "gemma"],
  ["mistralai", "Mistral"],
  ["microsoft", "Phi"],
  ["zai-org", "GLM"],
  ["moonshotai", "Kimi"],
  ["NousResearch", "Hermes"],
  ["allenai", "OLMo"],
  ["tiiuae", "Falcon"],
  ["01-ai", "Yi"],
  ["CohereLabs", "command"],
  ["ibm-granite", "granite"],
  ["openai", "gpt-oss"],
] as const;
const VERSIONS = ["2", "2.5", "3", "3.1", "3.2", "3.3", "4", "V3", "R1", "K2"];
const SIZES = ["0.5B", "1.5B", "3B", "7B", "8B", "14B", "32B", "70B", "72B", "120B", "235B-A22B"];
const VARIANTS = [
  "Instruct",
  "Chat",
  "Coder-Instruct",
  "VL-Instruct",
  "Distill",
  "it",
  "Base",
  "Thinking",
  "AWQ",
  "FP8",
];
const PROVIDERS = [
  "together",
  "fireworks-ai",
  "novita",
  "sambanova",
  "groq",
  "cerebras",
  "nebius",
  "hyperbolic",
  "featherless-ai",
  "nscale",
  "scaleway",
  "ovhcloud",
  "publicai",
  "deepinfra",
  "cohere",
  "hf-inference",
  "zai-org",
];

/** Small seeded PRNG (mulberry32), so every run benchmarks the same catalog. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function provider(rand: () => number, name: string): CatalogProvider {
  const entry: CatalogProvider = { provider: name, status: rand() < 0.1 ? "error" : "live" };
  if (rand() < 0.15) return entry; // bare entry, like featherless-ai in the HF docs example
  const input = Math.round(rand() * 300) / 100;
  entry.contextLength = [8192, 32768, 131072, 262144][Math.floor(rand() * 4)];
  if (rand() < 0.8) entry.pricing = { input, output: Math.round(input * (1.5 + rand() * 2) * 100) / 100 };
  entry.supportsTools = rand() < 0.6;
  entry.supportsStructuredOutput = rand() < 0.5;
  entry.firstTokenLatencyMs = Math.round(150 + rand() * 2000);
  entry.throughput = Math.round(10 + rand() * 400);
  if (rand() < 0.05) entry.isFree = true;
  return entry;
}

export function syntheticCatalog(count: number, seed = 42): CatalogModel[] {
  const rand = random(seed);
  const models: CatalogModel[] = [];
  for (let k = 0; k < count; k++) {
    const [org, family] = FAMILIES[k % FAMILIES.length] ?? FAMILIES[0];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const name = `${family}-${pick(VERSIONS)}-${pick(SIZES)}-${pick(VARIANTS)}-${k}`;
    const id = `${org}/${name}`;
    const providers = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(PROVIDERS))
      .filter((entry, index, all) => all.indexOf(entry) === index)
      .map((entry) => provider(rand, entry));
    const live = providers.filter((entry) => entry.status === "live" && entry.contextLength);
    models.push({
      ref: `huggingface/${id}`,
      id,
      displayName: name.replace(/[-_]+/g, " "),
      name: name.replace(/[-_]+/g, " "),
      ownedBy: org,
      available: true,
      builtin: false,
      contextWindow: live.length ? Math.min(...live.map((entry) => entry.contextLength ?? 0)) : undefined,
      reasoning: rand() < 0.2,
      input: rand() < 0.15 ? ["text", "image"] : ["text"],
      providers,
    });
  }
  return models;
}
