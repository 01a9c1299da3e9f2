/**
 * The seed table the fake `/v1/models` list is generated from: real-looking Hub ids
 * with the backends that plausibly serve them. Numbers (prices, speeds, context) are
 * derived from these seeds deterministically in models.ts.
 *
 * Provider codes: see PROVIDER_CODES. A code may end with a marker:
 * "!" status "error", "?" bare entry ({provider, status} only), "$" free entry.
 */

export const PROVIDER_CODES = {
  tg: "together",
  fw: "fireworks-ai",
  nv: "novita",
  sn: "sambanova",
  gq: "groq",
  cb: "cerebras",
  nb: "nebius",
  hy: "hyperbolic",
  fl: "featherless-ai",
  ns: "nscale",
  sw: "scaleway",
  ov: "ovhcloud",
  pa: "publicai",
  zai: "zai-org",
  di: "deepinfra",
  co: "cohere",
  hf: "hf-inference",
} as const;

export type ProviderCode = keyof typeof PROVIDER_CODES;

export interface ModelSeed {
  id: string;
  /** Space-separated provider codes with optional markers, in the router's list order. */
  p: string;
  /** Streams reasoning (not part of the wire format: the real list does not say). */
  r?: boolean;
  /** Accepts image input. */
  v?: boolean;
  ctx?: number;
  /** Total parameters in billions when the id does not say (MoE: also `active`). */
  size?: number;
  active?: number;
  /** Optional naming fields the real list sometimes carries. */
  names?: { name?: string; display_name?: string; title?: string };
}

const K = 1024;

export const MODEL_SEEDS: readonly ModelSeed[] = [
  // The OpenClaw docs table (moonshotai/Kimi-K2.5 deliberately absent: "not currently routed").
  { id: "deepseek-ai/DeepSeek-R1", p: "tg sn nv fw hy! fl?", r: true, ctx: 160 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3.2", p: "nv fw tg di sn! fl?", ctx: 160 * K, size: 671, active: 37 },
  { id: "Qwen/Qwen3-8B", p: "nv fl? ns hf$", r: true, ctx: 40 * K },
  { id: "Qwen/Qwen2.5-7B-Instruct", p: "tg fl? hf$ nb", ctx: 32 * K },
  { id: "Qwen/Qwen3-32B", p: "gq cb nv ns sw fl? nb!", r: true, ctx: 128 * K },
  { id: "meta-llama/Llama-3.3-70B-Instruct", p: "gq cb tg sn fw nv nb ns ov sw hy di fl?", ctx: 128 * K },
  { id: "meta-llama/Llama-3.1-8B-Instruct", p: "cb gq nv sn fw nb ns sw ov hy di hf$ fl?", ctx: 128 * K },
  {
    id: "openai/gpt-oss-120b",
    p: "cb gq fw tg nv sn nb ns sw ov hy di",
    r: true,
    ctx: 128 * K,
    size: 117,
    active: 5.1,
  },
  { id: "zai-org/GLM-4.7", p: "zai nv cb fw tg!", r: true, ctx: 200 * K, size: 355, active: 32 },

  { id: "deepseek-ai/DeepSeek-R1-0528", p: "nv sn fw tg nb hy di fl?", r: true, ctx: 160 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3", p: "tg fw nv nb hy! fl?", ctx: 128 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3-0324", p: "sn nv fw tg nb hy di fl?", ctx: 160 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3.1", p: "sn nv fw tg di fl?", r: true, ctx: 160 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3.1-Terminus", p: "nv sn fw!", r: true, ctx: 128 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-V3.2-Exp", p: "nv fw", ctx: 160 * K, size: 671, active: 37 },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Llama-70B", p: "sn gq! nv nb fl?", r: true, ctx: 128 * K },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", p: "nv nb fl? hf$", r: true, ctx: 64 * K },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", p: "nv fl? hf$", r: true, ctx: 64 * K },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", p: "nv fl?", r: true, ctx: 32 * K },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", p: "nv fl? ns", r: true, ctx: 32 * K },
  { id: "deepseek-ai/DeepSeek-Prover-V2-671B", p: "nv", r: true, ctx: 160 * K, size: 671, active: 37 },

  { id: "Qwen/Qwen3-4B", p: "nv fl? hf$", r: true, ctx: 40 * K },
  { id: "Qwen/Qwen3-14B", p: "nv fl? ns nb", r: true, ctx: 40 * K },
  { id: "Qwen/Qwen3-30B-A3B", p: "nv fw nb ns fl? sw", r: true, ctx: 40 * K },
  { id: "Qwen/Qwen3-235B-A22B", p: "fw tg nv nb ns fl?", r: true, ctx: 40 * K },
  { id: "Qwen/Qwen3-235B-A22B-Instruct-2507", p: "cb tg nv fw nb sw ov! di fl?", ctx: 256 * K },
  { id: "Qwen/Qwen3-235B-A22B-Thinking-2507", p: "cb nv tg nb fl?", r: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-30B-A3B-Instruct-2507", p: "nv nb fl? sw", ctx: 256 * K },
  { id: "Qwen/Qwen3-30B-A3B-Thinking-2507", p: "nv nb", r: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-4B-Instruct-2507", p: "nv fl? hf$", ctx: 256 * K },
  { id: "Qwen/Qwen3-4B-Thinking-2507", p: "nv hf$", r: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-Coder-480B-A35B-Instruct", p: "cb tg fw nv nb hy di! fl?", ctx: 256 * K },
  { id: "Qwen/Qwen3-Coder-30B-A3B-Instruct", p: "nv nb sw ov fl?", ctx: 256 * K },
  { id: "Qwen/Qwen3-Next-80B-A3B-Instruct", p: "tg nv hy nb!", ctx: 256 * K },
  { id: "Qwen/Qwen3-Next-80B-A3B-Thinking", p: "tg nv hy", r: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-VL-235B-A22B-Instruct", p: "nv nb", v: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-VL-235B-A22B-Thinking", p: "nv", r: true, v: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-VL-30B-A3B-Instruct", p: "nv fl?", v: true, ctx: 256 * K },
  { id: "Qwen/Qwen3-VL-8B-Instruct", p: "nv hf$", v: true, ctx: 256 * K },
  { id: "Qwen/Qwen2.5-72B-Instruct", p: "nb hy nv fl? sw!", ctx: 128 * K },
  { id: "Qwen/Qwen2.5-32B-Instruct", p: "nb fl?", ctx: 128 * K },
  { id: "Qwen/Qwen2.5-Coder-32B-Instruct", p: "nb hy sw ov fl? hf$", ctx: 32 * K },
  { id: "Qwen/Qwen2.5-Coder-7B-Instruct", p: "nb fl? hf$", ctx: 32 * K },
  { id: "Qwen/Qwen2.5-VL-7B-Instruct", p: "hy fl? hf$", v: true, ctx: 32 * K },
  { id: "Qwen/Qwen2.5-VL-32B-Instruct", p: "fw nb", v: true, ctx: 128 * K },
  { id: "Qwen/Qwen2.5-VL-72B-Instruct", p: "nb! hy!", v: true, ctx: 32 * K },
  { id: "Qwen/QwQ-32B", p: "nb fw! hy fl? ns", r: true, ctx: 128 * K },

  { id: "meta-llama/Llama-3.1-70B-Instruct", p: "fw nb hy fl? sn!", ctx: 128 * K },
  { id: "meta-llama/Llama-3.1-405B-Instruct", p: "fw nb! hy", ctx: 128 * K },
  { id: "meta-llama/Llama-3.2-1B-Instruct", p: "nv fl? hf$ sw", ctx: 128 * K },
  { id: "meta-llama/Llama-3.2-3B-Instruct", p: "tg nv fl? hf$ ov", ctx: 128 * K },
  { id: "meta-llama/Llama-3.2-11B-Vision-Instruct", p: "tg nb hf$", v: true, ctx: 128 * K },
  { id: "meta-llama/Llama-3.2-90B-Vision-Instruct", p: "tg! nb", v: true, ctx: 128 * K },
  {
    id: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    p: "gq cb tg fw nv nb sn ns",
    v: true,
    ctx: 320 * K,
    size: 109,
    active: 17,
  },
  {
    id: "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
    p: "gq sn tg fw nv nb",
    v: true,
    ctx: 1024 * K,
    size: 400,
    active: 17,
  },
  {
    id: "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
    p: "tg fw nv",
    v: true,
    ctx: 1024 * K,
    size: 400,
    active: 17,
  },
  { id: "meta-llama/Meta-Llama-3-8B-Instruct", p: "gq! nv fl? hf$ ns", ctx: 8 * K },
  { id: "meta-llama/Meta-Llama-3-70B-Instruct", p: "tg nv fl?", ctx: 8 * K },
  { id: "meta-llama/Llama-Guard-4-12B", p: "gq tg", v: true, ctx: 128 * K },
  { id: "meta-llama/Llama-Guard-3-8B", p: "gq hf$", ctx: 8 * K },

  { id: "openai/gpt-oss-20b", p: "gq cb fw tg nv nb ns sw hy hf$", r: true, ctx: 128 * K, size: 21, active: 3.6 },
  { id: "openai/gpt-oss-safeguard-20b", p: "gq", r: true, ctx: 128 * K, size: 21, active: 3.6 },

  { id: "zai-org/GLM-4.6", p: "zai nv cb tg fw fl?", r: true, ctx: 200 * K, size: 355, active: 32 },
  { id: "zai-org/GLM-4.5", p: "zai nv fw fl?", r: true, ctx: 128 * K, size: 355, active: 32 },
  { id: "zai-org/GLM-4.5-Air", p: "zai nv fw! fl?", r: true, ctx: 128 * K, size: 106, active: 12 },
  { id: "zai-org/GLM-4.5V", p: "zai nv", r: true, v: true, ctx: 64 * K, size: 106, active: 12 },
  { id: "zai-org/GLM-4.6V", p: "zai nv", r: true, v: true, ctx: 128 * K, size: 106, active: 12 },
  { id: "zai-org/GLM-4.7-Flash", p: "zai$ nv", r: true, ctx: 200 * K, size: 30, active: 3 },
  { id: "zai-org/GLM-4.1V-9B-Thinking", p: "nv", r: true, v: true, ctx: 64 * K },
  { id: "zai-org/GLM-4-32B-0414", p: "nv fl? zai!", ctx: 32 * K },

  { id: "moonshotai/Kimi-K2-Instruct", p: "gq tg nv fw fl? hy!", ctx: 128 * K, size: 1000, active: 32 },
  { id: "moonshotai/Kimi-K2-Instruct-0905", p: "gq tg nv fw", ctx: 256 * K, size: 1000, active: 32 },
  { id: "moonshotai/Kimi-K2-Thinking", p: "tg nv fw! nb", r: true, ctx: 256 * K, size: 1000, active: 32 },

  {
    id: "google/gemma-3-27b-it",
    p: "nb sw ov fl? hf$",
    v: true,
    ctx: 128 * K,
    names: { display_name: "Gemma 3 27B (instruction-tuned)" },
  },
  { id: "google/gemma-3-12b-it", p: "nb fl? hf$", v: true, ctx: 128 * K },
  { id: "google/gemma-3-4b-it", p: "nb fl?", v: true, ctx: 128 * K },
  { id: "google/gemma-3n-E4B-it", p: "tg", v: true, ctx: 32 * K, size: 8, active: 4 },
  { id: "google/gemma-2-9b-it", p: "nb fl? gq!", ctx: 8 * K },
  { id: "google/gemma-2-27b-it", p: "tg fl?", ctx: 8 * K },

  { id: "mistralai/Mistral-7B-Instruct-v0.3", p: "tg fl? hf$ ov", ctx: 32 * K },
  { id: "mistralai/Mixtral-8x7B-Instruct-v0.1", p: "tg nb! fl?", ctx: 32 * K, size: 47, active: 13 },
  { id: "mistralai/Mixtral-8x22B-Instruct-v0.1", p: "fw", ctx: 64 * K, size: 141, active: 39 },
  { id: "mistralai/Mistral-Small-3.1-24B-Instruct-2503", p: "nb sw ov fl?", v: true, ctx: 128 * K },
  { id: "mistralai/Mistral-Small-3.2-24B-Instruct-2506", p: "sw ov nb fl?", v: true, ctx: 128 * K },
  { id: "mistralai/Mistral-Nemo-Instruct-2407", p: "nv nb sw ov fl?", ctx: 128 * K },
  { id: "mistralai/Magistral-Small-2506", p: "fl? sw!", r: true, ctx: 40 * K },
  { id: "mistralai/Devstral-Small-2505", p: "nb fl?", ctx: 128 * K },
  { id: "mistralai/Ministral-8B-Instruct-2410", p: "fl? ov", ctx: 128 * K },
  { id: "mistralai/Mistral-Large-Instruct-2411", p: "nb!", ctx: 128 * K, size: 123 },

  { id: "CohereLabs/c4ai-command-a-03-2025", p: "co", ctx: 256 * K, size: 111, names: { name: "Command A" } },
  { id: "CohereLabs/c4ai-command-r-plus-08-2024", p: "co", ctx: 128 * K, size: 104 },
  { id: "CohereLabs/c4ai-command-r7b-12-2024", p: "co fl?", ctx: 128 * K, size: 7 },
  { id: "CohereLabs/aya-expanse-32b", p: "co", ctx: 128 * K },
  { id: "CohereLabs/aya-expanse-8b", p: "co fl?", ctx: 8 * K },
  { id: "CohereLabs/aya-vision-32b", p: "co?", v: true, ctx: 16 * K },
  { id: "CohereLabs/command-a-reasoning-08-2025", p: "co", r: true, ctx: 256 * K, size: 111 },
  { id: "CohereLabs/command-a-vision-07-2025", p: "co", v: true, ctx: 128 * K, size: 112 },

  { id: "microsoft/phi-4", p: "nb fl? hf$", ctx: 16 * K, size: 14 },
  { id: "microsoft/Phi-3.5-mini-instruct", p: "fl? hf$", ctx: 128 * K, size: 3.8 },
  { id: "microsoft/Phi-4-mini-instruct", p: "nb hf$", ctx: 128 * K, size: 3.8 },
  { id: "microsoft/Phi-4-reasoning-plus", p: "nb", r: true, ctx: 32 * K, size: 14 },

  { id: "MiniMaxAI/MiniMax-M1-80k", p: "nv", r: true, ctx: 1000 * K, size: 456, active: 46 },
  {
    id: "MiniMaxAI/MiniMax-M2",
    p: "nv tg fw!",
    r: true,
    ctx: 192 * K,
    size: 230,
    active: 10,
    names: { title: "MiniMax M2" },
  },
  { id: "MiniMaxAI/MiniMax-M2.1", p: "nv fw", r: true, ctx: 192 * K, size: 230, active: 10 },

  { id: "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", p: "nb! fl?", ctx: 128 * K },
  { id: "nvidia/Llama-3_3-Nemotron-Super-49B-v1_5", p: "nb", r: true, ctx: 128 * K },
  { id: "nvidia/NVIDIA-Nemotron-Nano-9B-v2", p: "nb fl?", r: true, ctx: 128 * K },
  { id: "nvidia/NVIDIA-Nemotron-Nano-12B-v2-VL", p: "nb", v: true, ctx: 128 * K },

  { id: "NousResearch/Hermes-3-Llama-3.1-8B", p: "nb fl? hy", ctx: 128 * K },
  { id: "NousResearch/Hermes-3-Llama-3.1-70B", p: "hy nb!", ctx: 128 * K },
  { id: "NousResearch/Hermes-4-70B", p: "nb", r: true, ctx: 128 * K },
  { id: "NousResearch/Hermes-4-405B", p: "nb", r: true, ctx: 128 * K },
  { id: "NousResearch/Hermes-2-Pro-Llama-3-8B", p: "fl? nv", ctx: 8 * K },

  { id: "HuggingFaceTB/SmolLM3-3B", p: "hf$ fl?", r: true, ctx: 64 * K },
  { id: "HuggingFaceTB/SmolLM2-1.7B-Instruct", p: "hf$", ctx: 8 * K },
  { id: "allenai/Olmo-3-7B-Instruct", p: "pa tg", ctx: 64 * K },
  { id: "allenai/Olmo-3-32B-Think", p: "pa", r: true, ctx: 64 * K },
  { id: "allenai/OLMo-2-0325-32B-Instruct", p: "pa! fl?", ctx: 4 * K, size: 32 },
  { id: "swiss-ai/Apertus-8B-Instruct-2509", p: "pa$ fl?", ctx: 64 * K },
  { id: "swiss-ai/Apertus-70B-Instruct-2509", p: "pa$ ns", ctx: 64 * K },
  { id: "aisingapore/Gemma-SEA-LION-v4-27B-IT", p: "pa$", v: true, ctx: 128 * K },
  { id: "aisingapore/Qwen-SEA-LION-v4-32B-IT", p: "pa$", ctx: 32 * K },
  { id: "utter-project/EuroLLM-9B-Instruct", p: "pa fl?", ctx: 4 * K },

  { id: "baidu/ERNIE-4.5-300B-A47B-Base-PT", p: "nv", ctx: 128 * K },
  { id: "baidu/ERNIE-4.5-21B-A3B-PT", p: "nv fl?", ctx: 128 * K },
  { id: "baidu/ERNIE-4.5-VL-424B-A47B-Base-PT", p: "nv", v: true, ctx: 128 * K },
  { id: "baidu/ERNIE-4.5-21B-A3B-Thinking", p: "nv", r: true, ctx: 128 * K },
  { id: "tencent/Hunyuan-A13B-Instruct", p: "nv", r: true, ctx: 256 * K, size: 80, active: 13 },
  { id: "inclusionAI/Ling-1T", p: "nv", ctx: 128 * K, size: 1000, active: 50 },
  { id: "inclusionAI/Ring-1T", p: "nv!", r: true, ctx: 128 * K, size: 1000, active: 50 },
  { id: "XiaomiMiMo/MiMo-V2-Flash", p: "nv", r: true, ctx: 256 * K, size: 309, active: 15 },
  { id: "meituan-longcat/LongCat-Flash-Chat", p: "nv", ctx: 128 * K, size: 560, active: 27 },
  { id: "stepfun-ai/step3", p: "nv!", r: true, v: true, ctx: 64 * K, size: 321, active: 38 },

  { id: "deepcogito/cogito-v2-preview-llama-70B", p: "tg", r: true, ctx: 128 * K },
  { id: "deepcogito/cogito-671b-v2.1", p: "tg fw", r: true, ctx: 160 * K, active: 37 },
  { id: "arcee-ai/AFM-4.5B", p: "tg hf$", ctx: 64 * K },
  { id: "arcee-ai/Trinity-Mini", p: "tg", r: true, ctx: 128 * K, size: 26, active: 3 },
  { id: "ibm-granite/granite-4.0-h-small", p: "hf$ fl?", ctx: 128 * K, size: 32, active: 9 },
  { id: "ibm-granite/granite-3.3-8b-instruct", p: "hf$ fl?", ctx: 128 * K },
  { id: "Sao10K/L3-8B-Stheno-v3.2", p: "nv fl?", ctx: 8 * K },
  { id: "Sao10K/L3-70B-Euryale-v2.1", p: "nv fl?", ctx: 8 * K },
  { id: "alpindale/WizardLM-2-8x22B", p: "nv", ctx: 64 * K, size: 141, active: 39 },
  { id: "marin-community/marin-8b-instruct", p: "tg", ctx: 4 * K },
  { id: "katanemo/Arch-Router-1.5B", p: "hf$", ctx: 32 * K },
  { id: "EssentialAI/rnj-1-instruct", p: "tg", ctx: 32 * K, size: 8 },
  { id: "dicta-il/DictaLM-3.0-24B-Thinking", p: "fl? nb", r: true, ctx: 64 * K },
];
