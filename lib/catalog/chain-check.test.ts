import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogProvider } from "./catalog-types";
import { checkChain } from "./chain-check";
import type { ChainFindingCode } from "./chain-types";
import { catalogModel } from "@/test/factories/catalog-model";

/** A model served by `providers`: routed when one is live, its context the smallest live one. */
function model(id: string, providers: CatalogProvider[], extra: Partial<CatalogModel> = {}): CatalogModel {
  const contexts = providers.filter((p) => p.status === "live").flatMap((p) => p.contextLength ?? []);
  return catalogModel(id, {
    name: id.split("/")[1] ?? id,
    available: providers.some((p) => p.status === "live"),
    contextWindow: contexts.length ? Math.min(...contexts) : undefined,
    providers,
    ...extra,
  });
}

const live = (provider: string, extra: Partial<CatalogProvider> = {}): CatalogProvider => ({
  provider,
  status: "live",
  contextLength: 131072,
  pricing: { input: 1, output: 2 },
  supportsTools: true,
  ...extra,
});

const BIG = model("org/Big", [live("together"), live("novita", { status: "error" })], {
  reasoning: true,
  input: ["text", "image"],
});
const SMALL = model("org/Small", [live("together", { contextLength: 32768, supportsTools: false })]);
const PLAIN = model("org/Plain", [live("together")], { input: ["text", "image"], reasoning: true });
const GONE = model("org/Gone", [], { builtin: true, contextWindow: 8192 });
const MODELS = [BIG, SMALL, PLAIN, GONE];
const HF = (id: string) => `huggingface/${id}`;

function codes(primary: string | null, fallbacks: string[], source: "live" | "builtin" = "live") {
  const check = checkChain({ primary, fallbacks }, { source, models: MODELS });
  return check.findings.map((f) => [f.code, f.position] as [ChainFindingCode, number | null]);
}

describe("checkChain", () => {
  it("finds nothing wrong with a good chain", () => {
    expect(codes(HF("org/Plain"), [HF("org/Big")])).toEqual([]);
  });

  it("flags a ref the router does not list, and a built-in model that is not routed", () => {
    expect(codes(HF("org/Plain"), [HF("org/Unknown"), HF("org/Gone")])).toEqual([
      ["not-in-catalog", 1],
      ["not-routed", 2],
    ]);
  });

  it("flags a fallback lacking tools, vision or reasoning that the primary has, naming them", () => {
    const check = checkChain(
      { primary: HF("org/Big"), fallbacks: [HF("org/Small")] },
      { source: "live", models: MODELS },
    );
    const gap = check.findings.find((f) => f.code === "missing-capability");
    expect(gap).toMatchObject({ ref: HF("org/Small"), position: 1, severity: "warning" });
    expect(gap?.message).toContain("Lacks tool calls, image input, reasoning");
  });

  it("flags a fallback with a smaller context window than the primary", () => {
    const check = checkChain(
      { primary: HF("org/Plain"), fallbacks: [HF("org/Small")] },
      { source: "live", models: MODELS },
    );
    expect(check.findings.find((f) => f.code === "smaller-context")?.message).toContain("(32K vs 128K tokens)");
  });

  it("flags a fallback that is the primary with another suffix, and a model repeated among fallbacks", () => {
    expect(codes(HF("org/Big:together"), [HF("org/Big:cheapest"), HF("org/Plain"), HF("org/Plain:fastest")])).toEqual([
      ["same-model-as-primary", 1],
      ["same-model-twice", 3],
    ]);
  });

  it("flags a pinned backend in error or one that does not serve the model", () => {
    expect(codes(HF("org/Big:novita"), [HF("org/Plain:groq")])).toEqual([
      ["pinned-backend-error", 0],
      ["pinned-backend-missing", 1],
    ]);
  });

  it("judges the backend a suffix picks: a pinned backend without tools lacks them", () => {
    const mixed = model("org/Mixed", [live("together"), live("groq", { supportsTools: false })], {
      reasoning: true,
      input: ["text", "image"],
    });
    const check = checkChain(
      { primary: HF("org/Big"), fallbacks: [HF("org/Mixed"), HF("org/Mixed:groq")] },
      { source: "live", models: [...MODELS, mixed] },
    );
    expect(check.findings.map((f) => [f.code, f.position])).toEqual([
      ["same-model-twice", 2],
      ["missing-capability", 2],
    ]);
  });

  it("says when there is no primary, no fallback, or no live list to check routing against", () => {
    expect(codes(null, [HF("org/Plain")])).toEqual([["no-primary", null]]);
    expect(codes(HF("org/Plain"), [])).toEqual([["no-fallbacks", null]]);
    expect(codes(HF("org/Plain"), [HF("org/Unknown")], "builtin")).toEqual([["catalog-not-live", null]]);
  });

  it("reports an unparsable entry of unsaved edits instead of failing", () => {
    expect(codes(HF("org/Plain"), ["not a ref"])).toEqual([["invalid-ref", 1]]);
  });

  it("lists each candidate with the figures of the backend it would use, and the test's cost", () => {
    const check = checkChain(
      { primary: HF("org/Big:together"), fallbacks: [HF("org/Unknown")] },
      { source: "live", models: MODELS },
    );
    expect(check.candidates[0]).toMatchObject({
      ref: HF("org/Big:together"),
      position: 0,
      contextWindow: 131072,
      cost: { input: 1, output: 2 },
      tools: true,
      vision: true,
      reasoning: true,
    });
    expect(check.estimate).toMatchObject({ requests: 2, maxTokens: 16, unpriced: [HF("org/Unknown")] });
    expect(check.estimate.maxUsd).toBeCloseTo((40 * 1 + 16 * 2) / 1e6, 12);
  });
});
