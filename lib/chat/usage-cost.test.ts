import { describe, expect, it } from "vitest";
import { catalogModel } from "@/test/factories/catalog-model";
import { estimateCost, estimateTokens, formatCost, priceFor, priceForRef } from "./usage-cost";

const model = catalogModel("Qwen/Qwen3-8B", {
  builtin: true,
  reasoning: true,
  providers: [
    { provider: "together", status: "live", pricing: { input: 0.2, output: 0.6 } },
    { provider: "bare", status: "live" },
    { provider: "gift", status: "live", isFree: true },
  ],
});

describe("priceFor", () => {
  it("uses the answering provider's price", () => {
    expect(priceFor(model, "together")).toEqual({ pricing: { input: 0.2, output: 0.6 }, from: "provider" });
    expect(priceFor(model, "gift")).toEqual({ pricing: { input: 0, output: 0 }, from: "free" });
  });

  it("is unknown when the provider has no price, or nobody said which provider answered", () => {
    expect(priceFor(model, "bare")).toBeNull();
    expect(priceFor(model, null)).toBeNull();
    expect(priceFor(undefined, "together")).toBeNull();
  });

  it("falls back to the user's own price from the config", () => {
    expect(priceFor({ ...model, configCost: { input: 1, output: 2 } }, "bare")).toMatchObject({ from: "config" });
  });
});

describe("estimateCost", () => {
  it("prices input and output tokens per million", () => {
    const cost = estimateCost({ promptTokens: 1000, completionTokens: 500 }, priceFor(model, "together"));
    expect(cost).toBeCloseTo(0.0005, 10);
  });

  it("is null without usage or price", () => {
    expect(estimateCost(null, priceFor(model, "together"))).toBeNull();
    expect(estimateCost({ promptTokens: 1, completionTokens: 1 }, null)).toBeNull();
  });
});

describe("formatCost", () => {
  it.each([
    [null, "—"],
    [0, "$0"],
    [0.0005, "$0.0005"],
    [0.000123456, "$0.000123"],
    [0.0000001, "<$0.000001"],
    [1.234, "$1.23"],
  ])("%s -> %s", (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });
});

describe("priceForRef", () => {
  const deepseek = catalogModel("deepseek-ai/DeepSeek-R1", {
    providers: [
      { provider: "novita", status: "live", pricing: { input: 0.7, output: 2.5 } },
      { provider: "together", status: "live", pricing: { input: 3, output: 7 } },
      { provider: "gift", status: "live", isFree: true },
    ],
  });
  const models = [model, deepseek];
  const cost = (ref: string, provider: string | null) =>
    estimateCost({ promptTokens: 1_000_000, completionTokens: 1_000_000 }, priceForRef(models, ref, provider));

  it("prices :cheapest at the provider that actually answered, not the model's cheapest entry", () => {
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:cheapest", "novita")).toBe(3.2);
    // The router may pick another backend (the cheapest one was down): its price counts.
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:cheapest", "together")).toBe(10);
  });

  it("prices a pinned ref at its provider, even when the answer did not name one", () => {
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:together", null)).toBe(10);
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:together", "together")).toBe(10);
  });

  it("is 0 on a free backend and unknown without a provider, a price or a known model", () => {
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:gift", "gift")).toBe(0);
    expect(cost("huggingface/deepseek-ai/DeepSeek-R1:fastest", null)).toBeNull();
    expect(cost("huggingface/Qwen/Qwen3-8B", "bare")).toBeNull();
    expect(cost("huggingface/unknown/Model", "together")).toBeNull();
    expect(priceForRef(models, "not a ref", "together")).toBeNull();
    expect(priceForRef(models, null, "together")).toBeNull();
  });
});

describe("estimateTokens", () => {
  it("counts about four characters per token, at least one for any text", () => {
    expect(estimateTokens(0)).toBe(0);
    expect(estimateTokens(1)).toBe(1);
    expect(estimateTokens(400)).toBe(100);
    expect(estimateTokens(401)).toBe(101);
  });
});
