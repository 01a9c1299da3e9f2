import { describe, expect, it } from "vitest";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { catalogModel } from "@/test/factories/catalog-model";
import {
  activeFilterCount,
  type CatalogFilters,
  EMPTY_FILTERS,
  modelFilter,
  modelTraits,
  providerCounts,
} from "./catalog-filter";

const MODELS = [
  catalogModel("a/cheap-tools", {
    providers: [
      { provider: "groq", status: "live", pricing: { input: 0.1, output: 0.2 }, supportsTools: true },
      { provider: "together", status: "live", pricing: { input: 2, output: 3 }, supportsStructuredOutput: true },
    ],
    contextWindow: 131072,
  }),
  catalogModel("a/vision", {
    providers: [{ provider: "together", status: "live", isFree: true }],
    input: ["text", "image"],
    contextWindow: 32768,
  }),
  catalogModel("a/reasoner", {
    providers: [{ provider: "novita", status: "error", supportsTools: true }],
    reasoning: true,
    contextWindow: 65536,
  }),
  catalogModel("a/builtin", { available: false, builtin: true, reasoning: true, contextWindow: 163840 }),
  catalogModel("a/zero", { providers: [{ provider: "groq", status: "live", pricing: { input: 0, output: 0 } }] }),
];

function ids(filters: Partial<CatalogFilters>): string[] {
  return MODELS.filter(modelFilter({ ...EMPTY_FILTERS, ...filters })).map((m) => m.id);
}

describe("modelFilter", () => {
  it("keeps everything with no filter", () => {
    expect(ids({})).toHaveLength(MODELS.length);
  });
  it("filters by provider (live ones only)", () => {
    expect(ids({ providers: ["together"] })).toEqual(["a/cheap-tools", "a/vision"]);
    expect(ids({ providers: ["novita"] })).toEqual([]);
    expect(ids({ providers: ["novita", "groq"] })).toEqual(["a/cheap-tools", "a/zero"]);
  });
  it("filters by minimum context", () => {
    expect(ids({ minContext: 100000 })).toEqual(["a/cheap-tools", "a/builtin"]);
  });
  it("needs one backend meeting every backend filter at once", () => {
    expect(ids({ flags: ["tools"] })).toEqual(["a/cheap-tools"]);
    expect(ids({ flags: ["tools"], maxOutputPrice: 1 })).toEqual(["a/cheap-tools"]);
    // tools are on groq, structured output on together: no single backend has both.
    expect(ids({ flags: ["tools", "structured"] })).toEqual([]);
    expect(ids({ flags: ["structured"], providers: ["groq"] })).toEqual([]);
  });
  it("treats an unknown price as not under the maximum", () => {
    expect(ids({ maxInputPrice: 1 })).toEqual(["a/cheap-tools", "a/zero"]);
    expect(ids({ maxOutputPrice: 0.1 })).toEqual(["a/zero"]);
  });
  it("free: is_free or a zero price", () => {
    expect(ids({ flags: ["free"] })).toEqual(["a/vision", "a/zero"]);
  });
  it("vision, reasoning and live only", () => {
    expect(ids({ flags: ["vision"] })).toEqual(["a/vision"]);
    expect(ids({ flags: ["reasoning"] })).toEqual(["a/reasoner", "a/builtin"]);
    expect(ids({ flags: ["live"] })).toEqual(["a/cheap-tools", "a/vision", "a/zero"]);
  });
  it("counts active filters", () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(
      activeFilterCount({
        providers: ["a", "b"],
        minContext: 1,
        maxInputPrice: null,
        maxOutputPrice: 2,
        flags: ["free"],
      }),
    ).toBe(5);
  });
});

describe("providerCounts", () => {
  it("counts live models per provider, most first, error-only providers at 0", () => {
    expect(providerCounts(MODELS)).toEqual([
      { provider: "groq", count: 2 },
      { provider: "together", count: 2 },
      { provider: "novita", count: 0 },
    ]);
  });
});

describe("modelTraits", () => {
  it("summarises live backends only", () => {
    expect(modelTraits(MODELS[0] as CatalogModel)).toEqual({
      vision: false,
      tools: true,
      structured: true,
      free: false,
      live: 2,
      total: 2,
    });
    expect(modelTraits(MODELS[2] as CatalogModel)).toMatchObject({ tools: false, live: 0, total: 1 });
    expect(modelTraits(MODELS[1] as CatalogModel)).toMatchObject({ vision: true, free: true });
  });
});
