import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";
import { estimateProbe } from "./probe-estimate";
import { PROBE_MAX_TOKENS, PROBE_PROMPT_TOKENS_MAX, tokensPerSecond } from "./probe-types";

const catalogModel = ({ providers }: { providers: CatalogProvider[] }): CatalogModel => ({
  ref: "huggingface/Qwen/Qwen3-8B",
  id: "Qwen/Qwen3-8B",
  displayName: "Qwen3 8B",
  name: "Qwen3 8B",
  ownedBy: "Qwen",
  available: true,
  builtin: false,
  reasoning: true,
  input: ["text"],
  providers,
});

describe("estimateProbe", () => {
  it("adds each live backend's price for the largest probe; free is 0, error and unpriced backends are set apart", () => {
    const model = catalogModel({
      providers: [
        { provider: "novita", status: "live", pricing: { input: 0.1, output: 0.5 } },
        { provider: "nscale", status: "live", pricing: { input: 1, output: 2 } },
        { provider: "hf-inference", status: "live", isFree: true },
        { provider: "featherless-ai", status: "live" },
        { provider: "together", status: "error", pricing: { input: 9, output: 9 } },
      ],
    });
    const estimate = estimateProbe(model);
    expect(estimate.providers).toEqual(["novita", "nscale", "hf-inference", "featherless-ai"]);
    expect(estimate.unpriced).toEqual(["featherless-ai"]);
    expect(estimate.maxCostUsd).toBeCloseTo((PROBE_PROMPT_TOKENS_MAX * 1.1 + PROBE_MAX_TOKENS * 2.5) / 1_000_000, 15);
  });

  it("is unknown when no live backend has a price", () => {
    const estimate = estimateProbe(catalogModel({ providers: [{ provider: "featherless-ai", status: "live" }] }));
    expect(estimate).toEqual({ providers: ["featherless-ai"], maxCostUsd: null, unpriced: ["featherless-ai"] });
  });
});

describe("tokensPerSecond", () => {
  it("counts completion tokens over the time after the first token", () => {
    expect(tokensPerSecond(16, 200, 1000)).toBe(20);
  });
  it("is unknown for one token, unknown counts or no time after the first token", () => {
    expect(tokensPerSecond(1, 200, 1000)).toBeNull();
    expect(tokensPerSecond(null, 200, 1000)).toBeNull();
    expect(tokensPerSecond(16, null, 1000)).toBeNull();
    expect(tokensPerSecond(16, 1000, 1000)).toBeNull();
  });
});
