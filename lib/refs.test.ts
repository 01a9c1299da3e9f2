import { describe, expect, it } from "vitest";
import {
  baseRef,
  describeSuffix,
  equalRefs,
  isProviderLocked,
  normaliseRef,
  parseRef,
  RefError,
  refFor,
  tryNormaliseRef,
  upstreamModelId,
} from "./refs";

function refErrorOf(input: string): RefError {
  try {
    parseRef(input);
  } catch (error) {
    if (error instanceof RefError) return error;
    throw error;
  }
  throw new Error(`"${input}" parsed but should not`);
}

describe("parseRef", () => {
  it("parses a full ref with and without suffix", () => {
    expect(parseRef("huggingface/deepseek-ai/DeepSeek-R1")).toEqual({
      org: "deepseek-ai",
      model: "DeepSeek-R1",
      id: "deepseek-ai/DeepSeek-R1",
      suffix: { kind: "none" },
    });
    expect(parseRef("huggingface/Qwen/Qwen3-8B:cheapest").suffix).toEqual({ kind: "policy", policy: "cheapest" });
    expect(parseRef("huggingface/Qwen/Qwen3-8B:fastest").suffix).toEqual({ kind: "policy", policy: "fastest" });
    expect(parseRef("huggingface/Qwen/Qwen3-8B:preferred").suffix).toEqual({ kind: "policy", policy: "preferred" });
    expect(parseRef("huggingface/deepseek-ai/DeepSeek-R1:together").suffix).toEqual({
      kind: "provider",
      provider: "together",
    });
    expect(parseRef("huggingface/x/y:fireworks-ai").suffix).toEqual({ kind: "provider", provider: "fireworks-ai" });
  });

  it("accepts a bare Hub id and keeps dots in names", () => {
    expect(parseRef("Qwen/Qwen2.5-7B-Instruct").id).toBe("Qwen/Qwen2.5-7B-Instruct");
    expect(normaliseRef("openai/gpt-oss-120b:cheapest")).toBe("huggingface/openai/gpt-oss-120b:cheapest");
  });

  it("collapses a doubled prefix and trims spaces", () => {
    expect(normaliseRef("huggingface/huggingface/zai-org/GLM-4.7")).toBe("huggingface/zai-org/GLM-4.7");
    expect(normaliseRef("  huggingface/zai-org/GLM-4.7  ")).toBe("huggingface/zai-org/GLM-4.7");
  });

  it.each([
    ["", "ref"],
    ["   ", "ref"],
    ["DeepSeek-R1", "ref"],
    ["anthropic/claude/opus", "prefix"],
    ["/DeepSeek-R1", "org"],
    ["deepseek-ai/", "model"],
    ["deepseek ai/DeepSeek-R1", "org"],
    ["deepseek-ai/Deep$eek", "model"],
    ["deepseek-ai/DeepSeek-R1:", "suffix"],
    ["deepseek-ai/DeepSeek-R1:Together", "suffix"],
    ["deepseek-ai/DeepSeek-R1:-x", "suffix"],
    ["deepseek-ai/DeepSeek-R1:a:b", "suffix"],
    ["deepseek-ai/DeepSeek-R1:cheap est", "suffix"],
  ])("refuses %j naming the bad part (%s)", (input, part) => {
    const error = refErrorOf(input);
    expect(error.part).toBe(part);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("names the bad suffix in the message", () => {
    expect(refErrorOf("Qwen/Qwen3-8B:Fast!").message).toContain(":Fast!");
  });
});

describe("helpers", () => {
  it("builds the upstream id without the prefix, suffix kept", () => {
    expect(upstreamModelId("huggingface/deepseek-ai/DeepSeek-R1:together")).toBe("deepseek-ai/DeepSeek-R1:together");
    expect(upstreamModelId("huggingface/huggingface/Qwen/Qwen3-8B")).toBe("Qwen/Qwen3-8B");
  });

  it("swaps and drops suffixes", () => {
    expect(refFor("Qwen/Qwen3-8B", "fastest")).toBe("huggingface/Qwen/Qwen3-8B:fastest");
    expect(refFor("huggingface/Qwen/Qwen3-8B:cheapest", null)).toBe("huggingface/Qwen/Qwen3-8B");
    expect(baseRef("huggingface/Qwen/Qwen3-8B:sambanova")).toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("locks the provider only for :fastest and :cheapest", () => {
    expect(isProviderLocked(parseRef("a/b:fastest").suffix)).toBe(true);
    expect(isProviderLocked(parseRef("a/b:cheapest").suffix)).toBe(true);
    expect(isProviderLocked(parseRef("a/b:preferred").suffix)).toBe(false);
    expect(isProviderLocked(parseRef("a/b:together").suffix)).toBe(false);
    expect(isProviderLocked(parseRef("a/b").suffix)).toBe(false);
  });

  it("describes suffixes and returns null for bad input", () => {
    expect(describeSuffix(parseRef("a/b:together").suffix)).toBe("Pinned to together");
    expect(tryNormaliseRef("not a ref")).toBeNull();
  });
});

describe("equalRefs", () => {
  it("compares what the user typed once normalised; unparsable text as it is", () => {
    expect(equalRefs("Qwen/Qwen3-8B", "huggingface/Qwen/Qwen3-8B")).toBe(true);
    expect(equalRefs("huggingface/Qwen/Qwen3-8B:fastest", "huggingface/Qwen/Qwen3-8B")).toBe(false);
    expect(equalRefs("not a ref", "not a ref")).toBe(true);
    expect(equalRefs(null, "huggingface/Qwen/Qwen3-8B")).toBe(false);
  });
});
