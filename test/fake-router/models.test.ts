import { describe, expect, it } from "vitest";
import { buildCatalog, FAULT_MODEL_NAMES } from "./models";

const BUILT_INS = [
  "deepseek-ai/DeepSeek-R1",
  "deepseek-ai/DeepSeek-V3.2",
  "Qwen/Qwen3-8B",
  "Qwen/Qwen2.5-7B-Instruct",
  "Qwen/Qwen3-32B",
  "meta-llama/Llama-3.3-70B-Instruct",
  "meta-llama/Llama-3.1-8B-Instruct",
  "openai/gpt-oss-120b",
  "zai-org/GLM-4.7",
];

describe("fake router model list", () => {
  const { models, find, isReasoning } = buildCatalog();
  const providers = models.flatMap((m) => m.providers);

  it("has the shape of the real /v1/models entries", () => {
    expect(models.length).toBeGreaterThanOrEqual(120);
    for (const m of models) {
      expect(m.id).toMatch(/^[^/\s]+\/[^/\s]+$/);
      expect(m.object).toBe("model");
      expect(Number.isInteger(m.created)).toBe(true);
      expect(m.owned_by).toBe(m.id.split("/")[0]);
      expect(m.architecture.output_modalities).toEqual(["text"]);
      expect(m.providers.length).toBeGreaterThan(0);
      for (const p of m.providers) expect(["live", "error"]).toContain(p.status);
    }
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
  });

  it("serves the nine routed built-ins and leaves Kimi K2.5 out", () => {
    for (const id of BUILT_INS)
      expect(
        find(id)?.providers.some((p) => p.status === "live"),
        id,
      ).toBe(true);
    expect(find("moonshotai/Kimi-K2.5")).toBeUndefined();
  });

  it("mixes bare, failing, free, vision, named and unknown-field entries", () => {
    expect(providers.some((p) => Object.keys(p).length === 2)).toBe(true);
    expect(providers.some((p) => p.status === "error")).toBe(true);
    expect(providers.some((p) => p.is_free === true)).toBe(true);
    expect(providers.some((p) => p.pricing === undefined && p.throughput !== undefined)).toBe(true);
    expect(providers.some((p) => "quantization" in p)).toBe(true);
    expect(models.filter((m) => m.architecture.input_modalities.includes("image")).length).toBeGreaterThan(5);
    expect(models.some((m) => m.name) && models.some((m) => m.display_name) && models.some((m) => m.title)).toBe(true);
    expect(models.some((m) => "pipeline_tag" in m)).toBe(true);
    expect(new Set(providers.map((p) => p.provider)).size).toBeGreaterThanOrEqual(16);
  });

  it("gives DeepSeek-R1 distinct live backends for cheapest and fastest", () => {
    const live = find("deepseek-ai/DeepSeek-R1")?.providers.filter((p) => p.status === "live" && p.pricing) ?? [];
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(live.map((p) => p.provider)).toEqual(expect.arrayContaining(["together", "sambanova"]));
    expect(new Set(live.map((p) => p.pricing?.output)).size).toBe(live.length);
    expect(new Set(live.map((p) => p.throughput)).size).toBe(live.length);
  });

  it("lists one live backend per fault model", () => {
    for (const name of FAULT_MODEL_NAMES) {
      const providersOf = find(`fault/${name}`)?.providers ?? [];
      expect(providersOf.filter((p) => p.status === "live")).toHaveLength(1);
    }
  });

  it("knows which models stream reasoning", () => {
    expect(isReasoning("deepseek-ai/DeepSeek-R1")).toBe(true);
    expect(isReasoning("Qwen/Qwen3-8B")).toBe(true);
    expect(isReasoning("openai/gpt-oss-120b")).toBe(true);
    expect(isReasoning("meta-llama/Llama-3.3-70B-Instruct")).toBe(false);
  });

  // 10,000 models take a few seconds on a busy machine: more than the default 5 s limit.
  it("is deterministic and appends synthetic models on request", { timeout: 30_000 }, () => {
    expect(buildCatalog()).toEqual(expect.objectContaining({ models }));
    const big = buildCatalog({ extraModels: 10_000 }).models;
    expect(big).toHaveLength(models.length + 10_000);
    expect(new Set(big.map((m) => m.id)).size).toBe(big.length);
    expect(big.at(-1)?.id).toMatch(/^synthetic-org-10000\/Synthetic-Model-10000-/);
    expect(big.slice(models.length).every((m) => m.providers[0]?.status === "live")).toBe(true);
  });
});
