import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogProvider } from "./catalog-types";
import { catalogModelOf, factsForRef } from "./model-facts";
import { catalogModel } from "@/test/factories/catalog-model";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";

/** DeepSeek R1 with an alias (facts use the name, never the alias), its context the smallest live one. */
function model(providers: CatalogProvider[], extra: Partial<CatalogModel> = {}): CatalogModel {
  const live = providers.filter((p) => p.status === "live" && p.contextLength !== undefined);
  return catalogModel("deepseek-ai/DeepSeek-R1", {
    name: "DeepSeek R1",
    alias: "R1 alias",
    available: providers.some((p) => p.status === "live"),
    builtin: true,
    contextWindow: live.length ? Math.min(...live.map((p) => p.contextLength as number)) : 131072,
    reasoning: true,
    providers,
    ...extra,
  });
}

const TOGETHER: CatalogProvider = {
  provider: "together",
  status: "live",
  contextLength: 163840,
  pricing: { input: 3, output: 7 },
  throughput: 60,
};
const SAMBANOVA: CatalogProvider = {
  provider: "sambanova",
  status: "live",
  contextLength: 131072,
  pricing: { input: 5, output: 7.5 },
  throughput: 205,
};
const NOVITA: CatalogProvider = {
  provider: "novita",
  status: "live",
  contextLength: 65536,
  pricing: { input: 0.7, output: 2.5 },
  throughput: 28,
};
const DOWN: CatalogProvider = {
  provider: "hyperbolic",
  status: "error",
  contextLength: 8192,
  pricing: { input: 9, output: 9 },
};
const R1_MODEL = model([TOGETHER, SAMBANOVA, NOVITA, DOWN]);

describe("factsForRef", () => {
  it("takes a pinned backend's context and price", () => {
    const facts = factsForRef(`${R1}:together`, R1_MODEL);
    expect(facts).toMatchObject({ id: "deepseek-ai/DeepSeek-R1:together", basis: "pinned", provider: "together" });
    expect(facts.values).toEqual({
      name: "DeepSeek R1",
      contextWindow: 163840,
      cost: { input: 3, output: 7 },
      reasoning: true,
      input: ["text"],
    });
  });

  it("takes the backend :cheapest and :fastest pick today, each a separate id", () => {
    const cheapest = factsForRef(`${R1}:cheapest`, R1_MODEL);
    expect(cheapest).toMatchObject({ id: "deepseek-ai/DeepSeek-R1:cheapest", basis: "cheapest", provider: "novita" });
    expect(cheapest.values).toMatchObject({ contextWindow: 65536, cost: { input: 0.7, output: 2.5 } });
    const fastest = factsForRef(`${R1}:fastest`, R1_MODEL);
    expect(fastest).toMatchObject({ basis: "fastest", provider: "sambanova" });
    expect(fastest.values).toMatchObject({ contextWindow: 131072, cost: { input: 5, output: 7.5 } });
  });

  it("uses the least favourable live values without a suffix or with :preferred, and says so", () => {
    for (const ref of [R1, `${R1}:preferred`]) {
      const facts = factsForRef(ref, R1_MODEL);
      expect(facts.basis).toBe("least-favourable");
      // The backend in error does not count: the router does not use it.
      expect(facts.values).toMatchObject({ contextWindow: 65536, cost: { input: 5, output: 7.5 } });
      expect(facts.note).toContain("smallest context and highest price of 3 live backends");
    }
  });

  it("uses the model's name, never its alias", () => {
    expect(factsForRef(R1, R1_MODEL).values.name).toBe("DeepSeek R1");
  });

  it("never invents a price: none published means no cost", () => {
    const bare = model([{ provider: "together", status: "live", contextLength: 32768 }]);
    const facts = factsForRef(R1, bare);
    expect(facts.values.cost).toBeUndefined();
    expect(facts.values.contextWindow).toBe(32768);
    expect(facts.note).toContain("none publishes a price");
    expect(factsForRef(`${R1}:together`, bare).values.cost).toBeUndefined();
  });

  it("counts only the backends that publish a price, and says how many", () => {
    const mixed = model([TOGETHER, { provider: "featherless-ai", status: "live" }]);
    const facts = factsForRef(R1, mixed);
    expect(facts.values.cost).toEqual({ input: 3, output: 7 });
    expect(facts.note).toContain("(1 publish a price)");
  });

  it("falls back to the least favourable values when :cheapest has nothing to pick by", () => {
    const bare = model([{ provider: "together", status: "live", contextLength: 32768 }]);
    const facts = factsForRef(`${R1}:cheapest`, bare);
    expect(facts.basis).toBe("least-favourable");
    expect(facts.note).toContain(":cheapest has no figures to pick by");
  });

  it("writes only the built-in name and context without live data", () => {
    const builtin = model([], { available: false });
    const facts = factsForRef(`${R1}:cheapest`, builtin);
    expect(facts.basis).toBe("builtin");
    expect(facts.values).toEqual({ name: "DeepSeek R1", contextWindow: 131072, reasoning: true, input: ["text"] });
  });

  it("keeps a pinned backend that is unknown without a price", () => {
    const facts = factsForRef(`${R1}:groq`, R1_MODEL);
    expect(facts).toMatchObject({ basis: "unknown", provider: "groq" });
    expect(facts.values.cost).toBeUndefined();
  });

  it("gives a model the catalog does not know only a derived name", () => {
    const facts = factsForRef("huggingface/acme/Tiny-Model_2:fastest", undefined);
    expect(facts).toMatchObject({ id: "acme/Tiny-Model_2:fastest", basis: "unknown" });
    expect(facts.values).toEqual({ name: "Tiny Model 2" });
  });

  it("drops input kinds OpenClaw does not accept", () => {
    const odd = model([TOGETHER], { input: ["text", "image", "pdf"] });
    expect(factsForRef(R1, odd).values.input).toEqual(["text", "image"]);
  });
});

describe("catalogModelOf", () => {
  it("finds the model by Hub id, whatever the suffix", () => {
    expect(catalogModelOf(`${R1}:cheapest`, [R1_MODEL])).toBe(R1_MODEL);
    expect(catalogModelOf("huggingface/Qwen/Qwen3-8B", [R1_MODEL])).toBeUndefined();
  });
});
