/**
 * The cases of the OpenClaw CLI check (scripts/compat-openclaw.ts): a fixture, the settings the
 * dashboard saves over it, and whether model facts are on. Every seed example and hand-written
 * fixture is saved with facts on, with a primary, a fallback and a suffixed alias where the
 * fixture allows, so the CLI is seen reading each kind of entry the dashboard writes. Not
 * hand-escapes.json5: it exercises the JSON5 reader with made-up `ui` keys OpenClaw itself rejects.
 */
import type { SettingsInput } from "@/lib/settings/settings-types";

const HF = (id: string) => `huggingface/${id}`;

export interface Case {
  name: string;
  /** Fixture to start from; none = the file does not exist yet. */
  fixture?: string;
  input: SettingsInput;
  /** The config path is a symlink to a link to the real file in a dotfiles folder (stow, chezmoi, home-manager). */
  symlinked?: boolean;
}

export const CASES: Case[] = [
  {
    // The default: model facts off, so nothing but the settings is written.
    name: "new file: primary and alias",
    input: { primary: "deepseek-ai/DeepSeek-R1", fallbacks: [], aliases: { "deepseek-ai/DeepSeek-R1": "DeepSeek R1" } },
  },
  {
    name: "seed 1: new primary, fallbacks with suffixes, alias",
    fixture: "seed-1-primary.json5",
    input: {
      primary: HF("zai-org/GLM-4.7"),
      fallbacks: [HF("Qwen/Qwen3-8B:cheapest"), HF("moonshotai/Kimi-K2.5:fastest")],
      aliases: { [HF("zai-org/GLM-4.7")]: "GLM", [HF("Qwen/Qwen3-8B:cheapest")]: "Qwen3 8B (cheap)" },
      modelFacts: true,
    },
  },
  {
    name: "seed 2: aliases only, then a primary and a fallback",
    fixture: "seed-2-aliases.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1"),
      fallbacks: [HF("Qwen/Qwen3-8B")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-R1")]: "DeepSeek R1 (fast)",
        [HF("deepseek-ai/DeepSeek-R1:cheapest")]: "DeepSeek R1 (cheap)",
      },
      modelFacts: true,
    },
  },
  {
    name: "seed 3: swap primary and fallback, rename and remove aliases",
    fixture: "seed-3-deepseek-qwen.json5",
    input: {
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [HF("deepseek-ai/DeepSeek-R1")],
      aliases: {
        [HF("Qwen/Qwen3-8B")]: "Qwen small",
        [HF("deepseek-ai/DeepSeek-R1")]: "",
        [HF("deepseek-ai/DeepSeek-R1:fastest")]: "R1 fast",
      },
      modelFacts: true,
    },
  },
  {
    name: "seed 4: suffix variants of one model",
    fixture: "seed-4-qwen-variants.json5",
    input: {
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [HF("Qwen/Qwen3-32B")],
      aliases: {
        [HF("Qwen/Qwen3-8B")]: "Qwen3 8B",
        [HF("Qwen/Qwen3-8B:cheapest")]: "Qwen3 8B (cheapest)",
        [HF("Qwen/Qwen3-8B:fastest")]: "Qwen3 8B (fastest)",
      },
      modelFacts: true,
    },
  },
  {
    name: "seed 5: one fallback fewer, aliases kept, a suffixed alias",
    fixture: "seed-5-deepseek-llama-gptoss.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-V3.2"),
      fallbacks: [HF("openai/gpt-oss-120b")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-V3.2")]: "DeepSeek V3.2",
        [HF("openai/gpt-oss-120b")]: "GPT-OSS 120B",
        [HF("deepseek-ai/DeepSeek-V3.2:cheapest")]: "DeepSeek V3.2 (cheap)",
      },
      modelFacts: true,
    },
  },
  {
    name: "seed 6: pinned provider primary, a fallback, a suffixed alias",
    fixture: "seed-6-provider-pinned.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1:together"),
      fallbacks: [HF("deepseek-ai/DeepSeek-V3.2")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-R1:together")]: "DeepSeek R1 (Together)",
        [HF("deepseek-ai/DeepSeek-V3.2:fastest")]: "V3.2 fast",
      },
      modelFacts: true,
    },
  },
  {
    name: "seed 7: pinned provider primary, policy-suffix fallbacks",
    fixture: "seed-7-policy-suffixes.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1:together"),
      fallbacks: [HF("Qwen/Qwen2.5-7B-Instruct:cheapest"), HF("meta-llama/Llama-3.1-8B-Instruct")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-R1:together")]: "R1 Together",
        [HF("Qwen/Qwen2.5-7B-Instruct:cheapest")]: "Qwen2.5 7B (cheap)",
      },
      modelFacts: true,
    },
  },
  {
    name: "string model: only the primary changes",
    fixture: "hand-string-model.json5",
    input: {
      primary: HF("Qwen/Qwen3-32B"),
      fallbacks: [],
      aliases: { [HF("Qwen/Qwen3-32B")]: "Qwen3 32B" },
      modelFacts: true,
    },
  },
  {
    name: "string model: fallbacks turn it into an object",
    fixture: "hand-string-model.json5",
    input: {
      primary: HF("zai-org/GLM-4.7"),
      fallbacks: [HF("Qwen/Qwen3-8B")],
      aliases: { [HF("Qwen/Qwen3-8B:fastest")]: "Qwen fast" },
      modelFacts: true,
    },
  },
  {
    name: "allowlist grows with the new refs",
    fixture: "hand-allowlist.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-V3.2"),
      fallbacks: [HF("Qwen/Qwen3-8B"), HF("zai-org/GLM-4.7:cheapest")],
      aliases: { [HF("zai-org/GLM-4.7:cheapest")]: "GLM cheap" },
      modelFacts: true,
    },
  },
  {
    name: "comments, single quotes, trailing commas",
    fixture: "hand-comments-quotes.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1"),
      fallbacks: [HF("Qwen/Qwen3-8B"), HF("openai/gpt-oss-120b")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-R1")]: "R1",
        [HF("openai/gpt-oss-120b")]: "GPT-OSS",
        [HF("Qwen/Qwen3-8B:cheapest")]: "Qwen cheap",
      },
      modelFacts: true,
    },
  },
  {
    name: "CRLF and tabs",
    fixture: "hand-crlf-tabs.json5",
    input: {
      primary: HF("Qwen/Qwen3-32B"),
      fallbacks: [HF("Qwen/Qwen3-8B:fastest")],
      aliases: { [HF("Qwen/Qwen3-32B")]: "Qwen3 32B", [HF("Qwen/Qwen3-8B:fastest")]: "Qwen fast" },
      modelFacts: true,
    },
  },
  {
    // Both refs in use have the user's own entries: those stay; only the new suffixed alias gets one.
    name: "provider models kept, alias removed",
    fixture: "hand-provider-models.json5",
    input: {
      primary: HF("Qwen/Qwen3-8B:cheapest"),
      fallbacks: [HF("deepseek-ai/DeepSeek-R1")],
      aliases: { [HF("deepseek-ai/DeepSeek-R1:fastest")]: "R1 fast" },
      modelFacts: true,
    },
  },
  {
    name: "strict JSON file",
    fixture: "hand-strict-json.json",
    input: {
      primary: HF("meta-llama/Llama-3.3-70B-Instruct"),
      fallbacks: [HF("Qwen/Qwen3-8B")],
      aliases: {
        [HF("Qwen/Qwen3-8B")]: "Qwen3 8B",
        [HF("meta-llama/Llama-3.3-70B-Instruct:cheapest")]: "Llama cheap",
      },
      modelFacts: true,
    },
  },
  {
    name: "other providers' refs stay",
    fixture: "hand-non-hf.json5",
    input: {
      primary: null,
      fallbacks: [HF("openai/gpt-oss-120b"), HF("zai-org/GLM-4.7")],
      aliases: { [HF("zai-org/GLM-4.7")]: "GLM", [HF("openai/gpt-oss-120b:cheapest")]: "GPT-OSS cheap" },
      modelFacts: true,
    },
  },
  {
    name: "symlinked config (link to a link into dotfiles): the link stays, the target is written",
    fixture: "hand-comments-quotes.json5",
    symlinked: true,
    input: {
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [HF("deepseek-ai/DeepSeek-R1")],
      aliases: { [HF("Qwen/Qwen3-8B")]: "Qwen3 8B", [HF("deepseek-ai/DeepSeek-R1:cheapest")]: "R1 cheap" },
      modelFacts: true,
    },
  },
  {
    name: "no agents section yet",
    fixture: "hand-no-agents.json5",
    input: {
      primary: HF("moonshotai/Kimi-K2.5"),
      fallbacks: [HF("zai-org/GLM-4.7")],
      aliases: { [HF("moonshotai/Kimi-K2.5")]: "Kimi", [HF("moonshotai/Kimi-K2.5:fastest")]: "Kimi fast" },
      modelFacts: true,
    },
  },
];
