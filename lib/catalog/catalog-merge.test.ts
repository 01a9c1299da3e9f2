import { describe, expect, it } from "vitest";
import { BUILTIN_MODELS } from "./builtin-catalog";
import { looksLikeReasoning, mergeCatalog, type LiveModel } from "./catalog-merge";
import { EMPTY_OVERLAY, overlayFromConfig } from "@/lib/settings/config-models";

const r1Live: LiveModel = {
  id: "deepseek-ai/DeepSeek-R1",
  ownedBy: "deepseek-ai",
  input: ["text"],
  providers: [
    { provider: "together", status: "live", contextLength: 163840, pricing: { input: 3, output: 7 } },
    { provider: "sambanova", status: "live", contextLength: 131072, pricing: { input: 5, output: 7 } },
    { provider: "novita", status: "error", contextLength: 8192 },
    { provider: "bare", status: "live" },
  ],
};

describe("mergeCatalog", () => {
  it("shows the ten built-in models with no live list, none of them available", () => {
    const models = mergeCatalog(null, EMPTY_OVERLAY);
    expect(models).toHaveLength(10);
    expect(models.map((m) => m.displayName)).toContain("Kimi K2.5");
    expect(models.every((m) => !m.available && m.builtin && m.providers.length === 0)).toBe(true);
    expect(models.find((m) => m.id === "Qwen/Qwen3-8B")).toMatchObject({ contextWindow: 40960, reasoning: true });
  });

  it("uses the smallest context among live providers, ignoring error ones", () => {
    const [r1] = mergeCatalog([r1Live], EMPTY_OVERLAY, []);
    expect(r1?.contextWindow).toBe(131072);
    expect(r1?.available).toBe(true);
    expect(r1?.providers).toHaveLength(4);
  });

  it("keeps built-ins missing from the live list, marked not available", () => {
    const models = mergeCatalog([r1Live], EMPTY_OVERLAY);
    expect(models).toHaveLength(10);
    const kimi = models.find((m) => m.id === "moonshotai/Kimi-K2.5");
    expect(kimi).toMatchObject({ available: false, builtin: true, input: ["text", "image"] });
    expect(models.find((m) => m.id === "deepseek-ai/DeepSeek-R1")).toMatchObject({ available: true, builtin: true });
  });

  it("marks a model whose providers are all in error as not available", () => {
    const [model] = mergeCatalog([{ id: "a/b", providers: [{ provider: "x", status: "error" }] }], EMPTY_OVERLAY, []);
    expect(model?.available).toBe(false);
  });

  it("applies the name precedence: alias > config name > API name > built-in > derived", () => {
    const live: LiveModel[] = [
      { id: "deepseek-ai/DeepSeek-R1", apiName: "API R1", providers: [] },
      { id: "deepseek-ai/DeepSeek-V3.2", apiName: "API V3.2", providers: [] },
      { id: "Qwen/Qwen3-8B", providers: [] },
      { id: "some-org/Some_New-Model", providers: [] },
    ];
    const overlay = overlayFromConfig({
      agents: { defaults: { models: { "huggingface/deepseek-ai/DeepSeek-R1": { alias: "R1" } } } },
      models: { providers: { huggingface: { models: [{ id: "deepseek-ai/DeepSeek-R1", name: "Config R1" }] } } },
    });
    const byId = new Map(mergeCatalog(live, overlay).map((m) => [m.id, m]));
    expect(byId.get("deepseek-ai/DeepSeek-R1")).toMatchObject({ displayName: "R1", name: "Config R1", alias: "R1" });
    expect(byId.get("deepseek-ai/DeepSeek-V3.2")).toMatchObject({ displayName: "API V3.2" });
    expect(byId.get("Qwen/Qwen3-8B")).toMatchObject({ displayName: "Qwen3 8B" });
    expect(byId.get("some-org/Some_New-Model")).toMatchObject({ displayName: "Some New Model", ownedBy: "some-org" });
  });

  it("lets config overrides win per field and never invents prices", () => {
    const overlay = overlayFromConfig({
      models: {
        providers: {
          huggingface: {
            models: [
              { id: "deepseek-ai/DeepSeek-R1", contextWindow: 65536, cost: { input: 1, output: 2 }, maxTokens: 4096 },
              { id: "my-org/Private-Model", name: "Mine", reasoning: true },
            ],
          },
        },
      },
    });
    const byId = new Map(mergeCatalog([r1Live], overlay).map((m) => [m.id, m]));
    expect(byId.get("deepseek-ai/DeepSeek-R1")).toMatchObject({
      contextWindow: 65536,
      maxTokens: 4096,
      configCost: { input: 1, output: 2 },
    });
    expect(byId.get("my-org/Private-Model")).toMatchObject({ displayName: "Mine", reasoning: true, available: false });
    expect(byId.get("Qwen/Qwen3-8B")?.configCost).toBeUndefined();
  });

  it("skips ids that are not valid Hub ids and duplicates", () => {
    const models = mergeCatalog(
      [
        { id: "no-slash", providers: [] },
        { id: "a/b", providers: [] },
        { id: "a/b", providers: [{ provider: "x", status: "live" }] },
      ],
      EMPTY_OVERLAY,
      [],
    );
    expect(models.map((m) => m.id)).toEqual(["a/b"]);
  });

  it("infers reasoning for known thinking families only", () => {
    expect(looksLikeReasoning("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")).toBe(true);
    expect(looksLikeReasoning("Qwen/QwQ-32B")).toBe(true);
    expect(looksLikeReasoning("Qwen/Qwen3-235B-A22B-Instruct-2507")).toBe(false);
    expect(looksLikeReasoning("meta-llama/Llama-3.3-70B-Instruct")).toBe(false);
    expect(BUILTIN_MODELS.filter((m) => m.reasoning).every((m) => m.id.length > 0)).toBe(true);
  });
});
