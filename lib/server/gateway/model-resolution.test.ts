import { describe, expect, it } from "vitest";
import type { ModelSettings } from "@/lib/model-names";
import { gatewayModelList, resolveCandidates } from "./model-resolution";

const settings: ModelSettings = {
  primary: "huggingface/deepseek-ai/DeepSeek-R1",
  fallbacks: ["huggingface/Qwen/Qwen3-8B", "huggingface/meta-llama/Llama-3.1-8B-Instruct:cheapest"],
  aliases: { "huggingface/Qwen/Qwen3-8B:fastest": "Quick", "huggingface/zai-org/GLM-4.7": "team/glm" },
};

describe("resolveCandidates", () => {
  it("uses primary then fallbacks for default or no model", () => {
    const expected = [
      "huggingface/deepseek-ai/DeepSeek-R1",
      "huggingface/Qwen/Qwen3-8B",
      "huggingface/meta-llama/Llama-3.1-8B-Instruct:cheapest",
    ];
    for (const model of [undefined, null, "", "default", "DEFAULT", " default "]) {
      expect(resolveCandidates({ model }, settings)).toEqual({ ok: true, kind: "default", candidates: expected });
    }
  });

  it("uses exactly the requested ref, normalised, suffix kept", () => {
    expect(resolveCandidates({ model: "Qwen/Qwen3-8B:together" }, settings)).toEqual({
      ok: true,
      kind: "ref",
      candidates: ["huggingface/Qwen/Qwen3-8B:together"],
    });
    expect(resolveCandidates({ model: "huggingface/huggingface/Qwen/Qwen3-8B" }, settings)).toMatchObject({
      candidates: ["huggingface/Qwen/Qwen3-8B"],
    });
  });

  it("matches aliases case-insensitively, before reading the name as a ref", () => {
    expect(resolveCandidates({ model: "quick" }, settings)).toEqual({
      ok: true,
      kind: "alias",
      candidates: ["huggingface/Qwen/Qwen3-8B:fastest"],
    });
    expect(resolveCandidates({ model: "Team/GLM" }, settings)).toMatchObject({
      candidates: ["huggingface/zai-org/GLM-4.7"],
    });
  });

  it("also knows aliases from the catalog", () => {
    expect(resolveCandidates({ model: "R1" }, null, { "huggingface/deepseek-ai/DeepSeek-R1": "R1" })).toMatchObject({
      ok: true,
      candidates: ["huggingface/deepseek-ai/DeepSeek-R1"],
    });
  });

  it("appends OpenRouter-style models after the requested one, without duplicates", () => {
    expect(
      resolveCandidates({ model: "Qwen/Qwen3-8B", models: ["quick", "huggingface/Qwen/Qwen3-8B"] }, settings),
    ).toEqual({
      ok: true,
      kind: "ref",
      candidates: ["huggingface/Qwen/Qwen3-8B", "huggingface/Qwen/Qwen3-8B:fastest"],
    });
  });

  it("names the bad part of an invalid model", () => {
    const result = resolveCandidates({ model: "huggingface/Qwen/Qwen3-8B:Bad Suffix" }, settings);
    expect(result).toMatchObject({ ok: false, code: "invalid_model", param: "model" });
    expect(!result.ok && result.message).toMatch(/suffix/);
    expect(resolveCandidates({ model: "gpt-4o" }, settings)).toMatchObject({ ok: false, code: "invalid_model" });
    expect(resolveCandidates({ model: "default", models: ["a/b/c/d"] }, settings)).toMatchObject({
      ok: false,
      param: "models",
    });
  });

  it("explains a default request when nothing is configured", () => {
    for (const s of [null, { primary: null, fallbacks: [], aliases: {} }]) {
      const result = resolveCandidates({ model: "default" }, s);
      expect(result).toMatchObject({ ok: false, code: "no_default_model" });
      expect(!result.ok && result.message).toMatch(/Settings/);
    }
  });

  it("skips malformed refs from a hand-edited config", () => {
    const broken = { primary: "not a ref", fallbacks: ["Qwen/Qwen3-8B"], aliases: {} };
    expect(resolveCandidates({}, broken)).toMatchObject({ candidates: ["huggingface/Qwen/Qwen3-8B"] });
  });
});

describe("gatewayModelList", () => {
  const catalog = {
    fetchedAt: "2025-01-02T03:04:05.000Z",
    models: [
      { ref: "huggingface/deepseek-ai/DeepSeek-R1", ownedBy: "deepseek-ai", alias: "R1" },
      { ref: "huggingface/Qwen/Qwen3-8B", ownedBy: "Qwen" },
    ],
  };

  it("lists default, aliases, then refs, in OpenAI's shape", () => {
    const list = gatewayModelList(catalog, settings);
    expect(list.object).toBe("list");
    expect(list.data.map((m) => m.id)).toEqual([
      "default",
      "Quick",
      "team/glm",
      "R1",
      "huggingface/deepseek-ai/DeepSeek-R1",
      "huggingface/Qwen/Qwen3-8B",
    ]);
    expect(list.data[0]).toEqual({
      id: "default",
      object: "model",
      created: 1735787045,
      owned_by: "deepseek-ai",
      ref: "huggingface/deepseek-ai/DeepSeek-R1",
    });
    expect(list.data[1]).toMatchObject({ owned_by: "Qwen", ref: "huggingface/Qwen/Qwen3-8B:fastest" });
  });

  it("has no default without a primary", () => {
    expect(gatewayModelList(catalog, null, 5000).data.map((m) => m.id)).not.toContain("default");
  });
});
