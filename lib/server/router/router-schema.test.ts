import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseModelList } from "./router-client";

const fixture = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, "../../../test/fixtures/hf-router-models.docs-example.json"),
    "utf8",
  ),
) as unknown;

describe("router /v1/models schema", () => {
  it("reads the documented example with five providers, one of them bare", () => {
    const [model] = parseModelList(fixture);
    expect(model?.id).toBe("deepseek-ai/DeepSeek-V4-Pro");
    expect(model?.ownedBy).toBe("deepseek-ai");
    expect(model?.providers).toHaveLength(5);
    expect(model?.providers.find((p) => p.provider === "featherless-ai")).toEqual({
      provider: "featherless-ai",
      status: "live",
      contextLength: undefined,
      pricing: undefined,
      isFree: undefined,
      supportsTools: undefined,
      supportsStructuredOutput: undefined,
      firstTokenLatencyMs: undefined,
      throughput: undefined,
      isModelAuthor: false,
    });
    expect(model?.providers.find((p) => p.provider === "fireworks-ai")?.pricing).toBeUndefined();
    expect(model?.providers.find((p) => p.provider === "together")).toMatchObject({
      contextLength: 512000,
      pricing: { input: 2.1, output: 4.4 },
      supportsStructuredOutput: true,
      firstTokenLatencyMs: 611,
    });
  });

  it("ignores unknown fields and drops only what is broken", () => {
    const models = parseModelList({
      object: "list",
      extra: { anything: true },
      data: [
        {
          id: "a/b",
          future_field: [1, 2],
          name: "Nice B",
          providers: [{ provider: "p", status: "live", context_length: "huge", new: 1 }],
        },
        { no_id: true },
        { id: "c/d", providers: "not a list", architecture: { input_modalities: ["text", "image"] } },
        {
          id: "e/f",
          providers: [{ status: "live" }, { provider: "q", status: "degraded", pricing: { input: -1, output: 2 } }],
        },
      ],
    });
    expect(models.map((m) => m.id)).toEqual(["a/b", "c/d", "e/f"]);
    expect(models[0]).toMatchObject({
      apiName: "Nice B",
      providers: [{ provider: "p", status: "live", contextLength: undefined }],
    });
    expect(models[1]).toMatchObject({ input: ["text", "image"], providers: [] });
    expect(models[2]?.providers).toEqual([
      expect.objectContaining({ provider: "q", status: "error", pricing: undefined }),
    ]);
  });

  it("refuses a body that is not a list", () => {
    expect(() => parseModelList({ error: "nope" })).toThrow(/model list/);
  });
});
