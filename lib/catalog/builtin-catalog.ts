/**
 * The models of the OpenClaw Hugging Face docs table, shown even with no token and no network.
 * Prices are deliberately absent: they come from the live list or the user's config, never guessed.
 */
export interface BuiltinModel {
  id: string;
  name: string;
  contextWindow: number;
  reasoning: boolean;
  input: string[];
}

export const BUILTIN_MODELS: readonly BuiltinModel[] = [
  { id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", contextWindow: 131072, reasoning: true, input: ["text"] },
  { id: "deepseek-ai/DeepSeek-V3.2", name: "DeepSeek V3.2", contextWindow: 163840, reasoning: false, input: ["text"] },
  { id: "Qwen/Qwen3-8B", name: "Qwen3 8B", contextWindow: 40960, reasoning: true, input: ["text"] },
  {
    id: "Qwen/Qwen2.5-7B-Instruct",
    name: "Qwen2.5 7B Instruct",
    contextWindow: 32768,
    reasoning: false,
    input: ["text"],
  },
  { id: "Qwen/Qwen3-32B", name: "Qwen3 32B", contextWindow: 40960, reasoning: true, input: ["text"] },
  {
    id: "meta-llama/Llama-3.3-70B-Instruct",
    name: "Llama 3.3 70B Instruct",
    contextWindow: 131072,
    reasoning: false,
    input: ["text"],
  },
  {
    id: "meta-llama/Llama-3.1-8B-Instruct",
    name: "Llama 3.1 8B Instruct",
    contextWindow: 131072,
    reasoning: false,
    input: ["text"],
  },
  { id: "openai/gpt-oss-120b", name: "GPT-OSS 120B", contextWindow: 131072, reasoning: true, input: ["text"] },
  { id: "zai-org/GLM-4.7", name: "GLM 4.7", contextWindow: 202752, reasoning: true, input: ["text"] },
  { id: "moonshotai/Kimi-K2.5", name: "Kimi K2.5", contextWindow: 262144, reasoning: true, input: ["text", "image"] },
];

/** The primary OpenClaw's onboarding sets when the user picks nothing. */
export const DEFAULT_PRIMARY = "huggingface/deepseek-ai/DeepSeek-R1";
