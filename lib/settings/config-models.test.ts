import { describe, expect, it } from "vitest";
import { EMPTY_OVERLAY, meansRef, overlayFromConfig, ownRef, settingsFromConfig } from "./config-models";

const QWEN = "huggingface/Qwen/Qwen3-8B";

describe("ownRef and meansRef", () => {
  it("claims only huggingface/ refs that parse", () => {
    expect(ownRef("huggingface/huggingface/Qwen/Qwen3-8B")).toBe(QWEN);
    expect(ownRef("Qwen/Qwen3-8B")).toBeNull();
    expect(ownRef("huggingface/bad ref")).toBeNull();
  });

  it("reads a bare org/model in the file as another provider's ref", () => {
    expect(meansRef("huggingface/huggingface/Qwen/Qwen3-8B", QWEN)).toBe(true);
    expect(meansRef("Qwen/Qwen3-8B", QWEN)).toBe(false);
    expect(meansRef(undefined, null)).toBe(true);
    expect(meansRef(QWEN, null)).toBe(false);
  });
});

describe("aliases of one file", () => {
  const twins = (order: "canonical-first" | "canonical-last") => {
    const entries: [string, { alias: string }][] = [
      [QWEN, { alias: "Canonical" }],
      ["huggingface/huggingface/Qwen/Qwen3-8B", { alias: "Doubled" }],
    ];
    if (order === "canonical-last") entries.reverse();
    return { agents: { defaults: { models: Object.fromEntries(entries) } } };
  };

  it("takes the canonical spelling's alias when two keys spell one model, whatever their order", () => {
    for (const order of ["canonical-first", "canonical-last"] as const) {
      expect(settingsFromConfig(twins(order)).aliases).toEqual({ [QWEN]: "Canonical" });
    }
  });

  it("shows the same alias in the catalog and on the settings page", () => {
    for (const order of ["canonical-first", "canonical-last"] as const) {
      expect(overlayFromConfig(twins(order)).aliases).toEqual(settingsFromConfig(twins(order)).aliases);
    }
  });

  it("keeps other providers' aliases apart, as written", () => {
    const config = { agents: { defaults: { models: { "anthropic/claude-opus-4-5": { alias: " Opus " } } } } };
    expect(settingsFromConfig(config)).toMatchObject({
      aliases: {},
      unmanaged: { aliases: { "anthropic/claude-opus-4-5": "Opus" } },
    });
    expect(overlayFromConfig(config).aliases).toEqual({});
  });
});

describe("overlayFromConfig", () => {
  it("reads aliases of huggingface refs only, normalised, suffix variants included", () => {
    const overlay = overlayFromConfig({
      agents: {
        defaults: {
          models: {
            "huggingface/Qwen/Qwen3-8B": { alias: " Qwen3 8B " },
            "huggingface/Qwen/Qwen3-8B:cheapest": { alias: "Qwen3 8B (cheapest)" },
            "huggingface/huggingface/zai-org/GLM-4.7": { alias: "GLM" },
            "anthropic/claude-opus-4-5": { alias: "Opus" },
            "huggingface/a/b": { params: { temperature: 1 } },
            "huggingface/bad ref": { alias: "x" },
          },
        },
      },
    });
    expect(overlay.aliases).toEqual({
      "huggingface/Qwen/Qwen3-8B": "Qwen3 8B",
      "huggingface/Qwen/Qwen3-8B:cheapest": "Qwen3 8B (cheapest)",
      "huggingface/zai-org/GLM-4.7": "GLM",
    });
  });

  it("survives odd shapes", () => {
    expect(overlayFromConfig(null)).toEqual(EMPTY_OVERLAY);
    expect(overlayFromConfig("text")).toEqual(EMPTY_OVERLAY);
    expect(overlayFromConfig({ agents: { defaults: { models: [] } }, models: { providers: 3 } })).toEqual(
      EMPTY_OVERLAY,
    );
    const overlay = overlayFromConfig({
      models: { providers: { huggingface: { models: [{ name: "no id" }, { id: "a/b", contextWindow: "big" }] } } },
    });
    expect(overlay.overrides).toEqual({ "huggingface/a/b": {} });
  });

  it("leaves out the model facts the dashboard wrote: they copy the catalog, they are not overrides", () => {
    const data = {
      models: {
        providers: {
          huggingface: {
            models: [
              { id: "a/b", name: "My A B", contextWindow: 1000, cost: { input: 1, output: 2 } },
              { id: "c/d", name: "Mine", contextWindow: 5 },
            ],
          },
        },
      },
    };
    const written = {
      "a/b": [
        { name: "A B", contextWindow: 2000 },
        { contextWindow: 1000, cost: { input: 1, output: 2 } },
      ],
    };
    expect(overlayFromConfig(data, written).overrides).toEqual({
      "huggingface/a/b": { name: "My A B" },
      "huggingface/c/d": { name: "Mine", contextWindow: 5 },
    });
  });
});
