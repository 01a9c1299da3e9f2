import { describe, expect, it } from "vitest";
import { BUILTIN_MODELS } from "./builtin-catalog";
import { mergeCatalog } from "./catalog-merge";
import type { CatalogModel } from "./catalog-types";
import { decodeCatalog, decodeModel, encodeCatalog, encodeModel, wireCatalogSchema } from "./catalog-wire";
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
      throughput: 48.5,
      isModelAuthor: false,
    },
    { provider: "groq", status: "error", contextLength: 32768 },
    { provider: "featherless-ai", status: "live", isFree: true },
  ],
};

describe("catalog wire shape", () => {
  it("round-trips a model with every field", () => {
    expect(decodeModel(encodeModel(live))).toEqual(live);
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
    expect(encodeModel(plain)).toEqual({ id: live.id, providers: [["together", "live", 65536]] });
    expect(decodeModel(encodeModel(plain))).toEqual({ ...plain, alias: undefined });
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
    const wire = encodeModel(odd);
    expect(wire).toMatchObject({ name: "My R1", ownedBy: "someone-else", contextWindow: 4096, reasoning: false });
    expect(wire.providers).toBeUndefined();
    expect(decodeModel(wire)).toEqual(odd);
  });

  it("rounds latency to whole milliseconds and throughput to tenths", () => {
    const noisy = { ...live, providers: [{ ...live.providers[0]!, firstTokenLatencyMs: 709.6, throughput: 48.3766 }] };
    const [provider] = decodeModel(encodeModel(noisy)).providers;
    expect(provider).toMatchObject({ firstTokenLatencyMs: 710, throughput: 48.4 });
  });

  it("round-trips the merged built-in catalog through JSON and the schema", () => {
    const catalog = {
      source: "builtin" as const,
      fetchedAt: null,
      error: "x",
      models: mergeCatalog(null, EMPTY_OVERLAY),
    };
    const wire = wireCatalogSchema.parse(JSON.parse(JSON.stringify(encodeCatalog(catalog))));
    expect(decodeCatalog(wire)).toEqual(catalog);
    expect(catalog.models).toHaveLength(BUILTIN_MODELS.length);
  });
});
