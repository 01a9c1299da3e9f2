import { describe, expect, it } from "vitest";
import { buildModelOptions } from "@/lib/catalog/model-options";
import { catalogModel } from "@/test/factories/catalog-model";
import { onboardingInput, suggestedAlias } from "./onboarding-input";

const r1 = catalogModel("deepseek-ai/DeepSeek-R1", { builtin: true, reasoning: true });
const [base, cheapest] = buildModelOptions([r1], { policies: ["cheapest", "fastest"], providers: false });

describe("suggestedAlias", () => {
  it("uses the model name, with the policy for a variant", () => {
    expect(suggestedAlias(base ?? null, {})).toBe("DeepSeek R1");
    expect(suggestedAlias(cheapest ?? null, {})).toBe("DeepSeek R1 (cheapest)");
  });
  it("keeps an alias the config already has", () => {
    expect(suggestedAlias(base ?? null, { "huggingface/deepseek-ai/DeepSeek-R1": "R1" })).toBe("R1");
    expect(suggestedAlias(null, {})).toBe("");
  });
});

describe("onboardingInput", () => {
  const current = {
    primary: "huggingface/Qwen/Qwen3-8B",
    fallbacks: ["huggingface/deepseek-ai/DeepSeek-R1", "huggingface/a/b"],
    aliases: { "huggingface/Qwen/Qwen3-8B": "Qwen" },
  };
  it("sets the primary and alias, keeping other aliases and fallbacks except the new primary", () => {
    expect(onboardingInput(current, "huggingface/deepseek-ai/DeepSeek-R1", " R1 ")).toEqual({
      primary: "huggingface/deepseek-ai/DeepSeek-R1",
      fallbacks: ["huggingface/a/b"],
      aliases: { "huggingface/Qwen/Qwen3-8B": "Qwen", "huggingface/deepseek-ai/DeepSeek-R1": "R1" },
    });
  });
  it("adds no alias when the field is empty", () => {
    expect(onboardingInput(current, "huggingface/a/c", "").aliases).toEqual(current.aliases);
  });
});
