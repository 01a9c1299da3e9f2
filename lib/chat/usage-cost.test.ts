import { describe, expect, it } from "vitest";
import { catalogModel } from "@/test/factories/catalog-model";
import { estimateCost, formatCost, priceFor } from "./usage-cost";

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
