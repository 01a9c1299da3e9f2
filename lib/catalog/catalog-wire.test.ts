import { describe, expect, it } from "vitest";
import { BUILTIN_MODELS } from "./builtin-catalog";
import { mergeCatalog } from "./catalog-merge";
import type { CatalogModel, CatalogResponse } from "./catalog-types";
import { decodeCatalog, encodeCatalog, wireCatalogSchema } from "./catalog-wire";
import { EMPTY_OVERLAY } from "@/lib/settings/config-models";

const live: CatalogModel = {
  ref: "huggingface/deepseek-ai/DeepSeek-R1",
  id: "deepseek-ai/DeepSeek-R1",
  displayName: "R1",
  name: "DeepSeek R1",
  alias: "R1",
  ownedBy: "deepseek-ai",
  available: true,
  builtin: true,
  contextWindow: 65536,
  maxTokens: 8192,
  reasoning: true,
  input: ["text"],
  configCost: { input: 0.5, output: 2 },
  providers: [
    {
      provider: "together",
      status: "live",
      contextLength: 65536,
      pricing: { input: 3, output: 7 },
      supportsTools: false,
      supportsStructuredOutput: true,
      firstTokenLatencyMs: 412,
      throughput: 48,
      isModelAuthor: false,
    },
    { provider: "groq", status: "error", contextLength: 32768 },
    { provider: "featherless-ai", status: "live", isFree: true },
  ],
};

const one = (model: CatalogModel): CatalogResponse => ({
  source: "live",
  fetchedAt: "2026-01-01T00:00:00.000Z",
  models: [model],
});
/** Through JSON and the schema, as the browser gets it. */
const roundTrip = (catalog: CatalogResponse) =>
  decodeCatalog(wireCatalogSchema.parse(JSON.parse(JSON.stringify(encodeCatalog(catalog)))));

describe("catalog wire shape", () => {
  it("round-trips a model with every field", () => {
    expect(roundTrip(one(live))).toEqual(one(live));
  });

  it("leaves out what the client derives and what is at its default", () => {
    const plain: CatalogModel = {
      ...live,
      displayName: "DeepSeek R1",
      alias: undefined,
      maxTokens: undefined,
      configCost: undefined,
      builtin: false,
      providers: [{ provider: "together", status: "live", contextLength: 65536 }],
    };
    const wire = encodeCatalog(one(plain));
    expect(wire).toMatchObject({ ids: [live.id], extras: {}, providerNames: ["together"], providerCounts: "1" });
    expect(wire.providers).toEqual({
      provider: "0",
      contextLength: (65536).toString(36),
      input: "",
      output: "",
      flags: "",
      firstTokenLatencyMs: "",
      throughput: "",
    });
    expect(roundTrip(one(plain))).toEqual(one({ ...plain, alias: undefined }));
  });

  it("keeps values the client would derive differently", () => {
    const odd: CatalogModel = {
      ...live,
      name: "My R1",
      displayName: "My R1",
      alias: undefined,
      ownedBy: "someone-else",
      contextWindow: 4096,
      reasoning: false,
      input: ["text", "image"],
      available: false,
      providers: [],
    };
    const wire = encodeCatalog(one(odd));
    expect(wire.extras["0"]).toMatchObject({
      name: "My R1",
      ownedBy: "someone-else",
      contextWindow: 4096,
      reasoning: false,
    });
    expect(wire.providerCounts).toBe("0");
    expect(roundTrip(one(odd))).toEqual(one(odd));
  });

  it("rounds latency and throughput to what the page shows", () => {
    const noisy = (firstTokenLatencyMs: number, throughput: number) =>
      one({ ...live, providers: [{ ...live.providers[0]!, firstTokenLatencyMs, throughput }] });
    expect(roundTrip(noisy(709.6, 48.3766)).models[0]?.providers[0]).toMatchObject({
      firstTokenLatencyMs: 710,
      throughput: 48,
    });
    expect(roundTrip(noisy(1494, 7.26)).models[0]?.providers[0]).toMatchObject({
      firstTokenLatencyMs: 1490,
      throughput: 7.3,
    });
  });

  it("shares id prefixes with the previous id and provider names through a dictionary", () => {
    const second = { ...live, ref: "huggingface/deepseek-ai/DeepSeek-V3", id: "deepseek-ai/DeepSeek-V3" };
    const catalog = { ...one(live), models: [live, second] };
    const wire = encodeCatalog(catalog);
    expect(wire.ids).toEqual([live.id, [21, "V3"]]);
    expect(wire.providerNames).toEqual(["together", "groq", "featherless-ai"]);
    expect(roundTrip(catalog)).toEqual(catalog);
  });

  it("keeps prices that are not whole cents", () => {
    const odd = one({
      ...live,
      providers: [{ provider: "x", status: "live", pricing: { input: 0.055, output: 0.07 } }],
    });
    expect(roundTrip(odd).models[0]?.providers[0]?.pricing).toEqual({ input: 0.055, output: 0.07 });
  });

  it("refuses an answer whose columns do not add up", () => {
    const wire = encodeCatalog(one(live));
    expect(() => decodeCatalog({ ...wire, providerCounts: "2" })).toThrow(/column provider: 3 values where 2/);
    expect(() => decodeCatalog({ ...wire, providers: { ...wire.providers, throughput: "1,#,2" } })).toThrow(
      /not a base-36 number/,
    );
  });

  it("round-trips the merged built-in catalog through JSON and the schema", () => {
    const catalog: CatalogResponse = {
      source: "builtin",
      fetchedAt: null,
      error: "x",
      models: mergeCatalog(null, EMPTY_OVERLAY),
    };
    expect(roundTrip(catalog)).toEqual(catalog);
    expect(catalog.models).toHaveLength(BUILTIN_MODELS.length);
  });
});
