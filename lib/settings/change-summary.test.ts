import { describe, expect, it } from "vitest";
import { shortRefName, summariseChange } from "./change-summary";
import type { SettingsInput } from "./settings-types";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.7";
const LLAMA = "huggingface/meta-llama/Llama-3.3-70B-Instruct:cheapest";

const settings = (over: Partial<SettingsInput> = {}): SettingsInput => ({
  primary: R1,
  fallbacks: [],
  aliases: {},
  ...over,
});

describe("shortRefName", () => {
  it("names a ref by its model, keeping the suffix", () => {
    expect(shortRefName(R1)).toBe("DeepSeek R1");
    expect(shortRefName(LLAMA)).toBe("Llama 3.3 70B Instruct:cheapest");
    expect(shortRefName("anthropic/claude-opus-4-5")).toBe("anthropic/claude-opus-4-5");
  });
});

describe("summariseChange", () => {
  it("says the primary, fallback and alias changes in one line", () => {
    const before = settings({ aliases: { [GLM]: "GLM" } });
    const after = settings({ primary: QWEN, fallbacks: [R1] });
    expect(summariseChange(before, after)).toBe("primary DeepSeek R1 → Qwen3 8B; +1 fallback; alias GLM removed");
  });

  it("counts several fallbacks and names a reorder", () => {
    expect(summariseChange(settings(), settings({ fallbacks: [QWEN, GLM] }))).toBe("+2 fallbacks");
    expect(summariseChange(settings({ fallbacks: [QWEN, GLM] }), settings({ fallbacks: [GLM] }))).toBe("−1 fallback");
    expect(summariseChange(settings({ fallbacks: [QWEN, GLM] }), settings({ fallbacks: [GLM, QWEN] }))).toBe(
      "fallbacks reordered",
    );
  });

  it("names added and renamed aliases, and counts many", () => {
    expect(summariseChange(settings(), settings({ aliases: { [QWEN]: "Qwen" } }))).toBe("alias Qwen added");
    expect(summariseChange(settings({ aliases: { [QWEN]: "Qwen" } }), settings({ aliases: { [QWEN]: "Q8" } }))).toBe(
      "alias Qwen → Q8",
    );
    expect(summariseChange(settings(), settings({ aliases: { [QWEN]: "a", [GLM]: "b", [R1]: "c" } }))).toBe(
      "+3 aliases",
    );
  });

  it("sets and removes the primary", () => {
    expect(summariseChange(settings({ primary: null }), settings())).toBe("primary set to DeepSeek R1");
    expect(summariseChange(settings(), settings({ primary: null }))).toBe("primary DeepSeek R1 removed");
  });

  it("says when only other parts changed, and when the file does not parse", () => {
    expect(summariseChange(settings(), settings())).toBe("no model changes (other parts of the file)");
    expect(summariseChange(settings(), null)).toBe("the file is no longer valid JSON5");
    expect(summariseChange(null, settings())).toBe("valid JSON5 again");
    expect(summariseChange(null, null)).toBe("edited while not valid JSON5");
    expect(summariseChange(undefined, settings())).toBe("first version seen by the dashboard");
  });
});
