import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";
import {
  bestLatency,
  bestThroughput,
  cheapestOutputPrice,
  cheapestProvider,
  choiceFromSuffix,
  choiceOutcome,
  fastestProvider,
  isLockedChoice,
  priceRange,
  refForChoice,
  suffixOfChoice,
  type RoutingChoice,
} from "./routing-policy";

// The five providers of the HF docs example (test/fixtures/hf-router-models.docs-example.json), one of them bare, plus one in error.
const providers: CatalogProvider[] = [
  {
    provider: "novita",
    status: "live",
    contextLength: 1048576,
    pricing: { input: 1.69, output: 3.38 },
    firstTokenLatencyMs: 1490,
    throughput: 24.7,
  },
  {
    provider: "together",
    status: "live",
    contextLength: 512000,
    pricing: { input: 2.1, output: 4.4 },
    firstTokenLatencyMs: 611,
    throughput: 40.1,
  },
  { provider: "fireworks-ai", status: "live", contextLength: 1048576, firstTokenLatencyMs: 588.4, throughput: 45.4 },
  { provider: "featherless-ai", status: "live" },
  {
    provider: "deepinfra",
    status: "live",
    contextLength: 65536,
    pricing: { input: 1.74, output: 3.48 },
    firstTokenLatencyMs: 525.8,
    throughput: 34.6,
  },
  {
    provider: "groq",
    status: "error",
    contextLength: 8192,
    pricing: { input: 0.1, output: 0.2 },
    throughput: 900,
    firstTokenLatencyMs: 50,
  },
];
const model: Pick<CatalogModel, "id" | "providers" | "contextWindow"> = {
  id: "deepseek-ai/DeepSeek-V4-Pro",
  providers,
  contextWindow: 65536,
};
const bare: Pick<CatalogModel, "id" | "providers" | "contextWindow"> = {
  id: "Qwen/Qwen3-8B",
  providers: [],
  contextWindow: 40960,
};

describe("today's picks (live providers only; the error one is ignored)", () => {
  it(":cheapest picks the lowest output price", () => {
    expect(cheapestProvider(model)?.provider).toBe("novita");
    expect(cheapestOutputPrice(model)).toBe(3.38);
  });
  it(":fastest picks the highest throughput", () => {
    expect(fastestProvider(model)?.provider).toBe("fireworks-ai");
    expect(bestThroughput(model)).toBe(45.4);
  });
  it("breaks an output-price tie on the input price", () => {
    const tied = {
      providers: [
        { provider: "a", status: "live" as const, pricing: { input: 2, output: 1 } },
        { provider: "b", status: "live" as const, pricing: { input: 1, output: 1 } },
      ],
    };
    expect(cheapestProvider(tied)?.provider).toBe("b");
  });
  it("lowest latency over live providers", () => {
    expect(bestLatency(model)).toBe(525.8);
  });
  it("knows nothing about a model with no providers", () => {
    expect(cheapestProvider(bare)).toBeNull();
    expect(fastestProvider(bare)).toBeNull();
    expect(priceRange(bare)).toBeNull();
    expect(bestLatency(bare)).toBeNull();
  });
});

describe("priceRange", () => {
  it("spans the priced live providers", () => {
    expect(priceRange(model)).toEqual({ input: { min: 1.69, max: 2.1 }, output: { min: 3.38, max: 4.4 } });
  });
});

describe("choices and refs", () => {
  const choices: RoutingChoice[] = [
    { kind: "default" },
    { kind: "fastest" },
    { kind: "cheapest" },
    { kind: "preferred" },
    { kind: "provider", provider: "together" },
  ];
  it("round-trips through the suffix", () => {
    for (const choice of choices) expect(choiceFromSuffix(suffixOfChoice(choice))).toEqual(choice);
  });
  it("builds the ref of a choice", () => {
    expect(choices.map((choice) => refForChoice(model, choice))).toEqual([
      "huggingface/deepseek-ai/DeepSeek-V4-Pro",
      "huggingface/deepseek-ai/DeepSeek-V4-Pro:fastest",
      "huggingface/deepseek-ai/DeepSeek-V4-Pro:cheapest",
      "huggingface/deepseek-ai/DeepSeek-V4-Pro:preferred",
      "huggingface/deepseek-ai/DeepSeek-V4-Pro:together",
    ]);
  });
  it("reads an unreadable suffix as default routing", () => {
    expect(choiceFromSuffix("Not A Provider!")).toEqual({ kind: "default" });
    expect(choiceFromSuffix(null)).toEqual({ kind: "default" });
  });
  it("locks the backend for :fastest and :cheapest only", () => {
    expect(choices.map(isLockedChoice)).toEqual([false, true, true, false, false]);
  });
});

describe("choiceOutcome", () => {
  it("a pinned provider gives its own context and price", () => {
    const outcome = choiceOutcome(model, { kind: "provider", provider: "together" });
    expect(outcome).toMatchObject({ contextWindow: 512000, pricing: { input: 2.1, output: 4.4 }, range: null });
    expect(outcome.provider?.provider).toBe("together");
  });
  it("a pinned provider without data falls back to the smallest context and no price", () => {
    expect(choiceOutcome(model, { kind: "provider", provider: "featherless-ai" })).toMatchObject({
      contextWindow: 65536,
      pricing: null,
    });
  });
  it(":cheapest shows today's pick and price but the smallest live context", () => {
    const outcome = choiceOutcome(model, { kind: "cheapest" });
    expect(outcome.provider?.provider).toBe("novita");
    expect(outcome).toMatchObject({ contextWindow: 65536, pricing: { input: 1.69, output: 3.38 } });
  });
  it("default and preferred give the range, no single backend", () => {
    for (const kind of ["default", "preferred"] as const) {
      const outcome = choiceOutcome(model, { kind });
      expect(outcome.provider).toBeNull();
      expect(outcome.pricing).toBeNull();
      expect(outcome.range?.output).toEqual({ min: 3.38, max: 4.4 });
      expect(outcome.contextWindow).toBe(65536);
    }
  });
  it("uses the model's context when no live provider states one", () => {
    expect(choiceOutcome(bare, { kind: "default" }).contextWindow).toBe(40960);
  });
});
