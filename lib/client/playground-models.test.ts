import { describe, expect, it } from "vitest";
import { refOfName, type ModelSettings } from "@/lib/model-names";
import { catalogModel, liveProviders } from "@/test/factories/catalog-model";
import { catalogModelOf, initialChoice, playgroundModelOptions } from "./playground-models";

const models = [
  catalogModel("a/Off", { available: false, providers: liveProviders("together") }),
  catalogModel("Qwen/Qwen3-8B", { providers: liveProviders("together") }),
];
const settings: ModelSettings = {
  primary: "huggingface/Qwen/Qwen3-8B",
  fallbacks: ["huggingface/a/Off"],
  aliases: { "huggingface/Qwen/Qwen3-8B:fastest": "Quick" },
};

describe("playground model choices", () => {
  it("offers default and aliases before the catalog refs and their variants", () => {
    const values = playgroundModelOptions(models, settings).map((o) => o.value);
    expect(values.slice(0, 3)).toEqual(["default", "Quick", "huggingface/a/Off"]);
    expect(values).toContain("huggingface/Qwen/Qwen3-8B:cheapest");
    expect(values).toContain("huggingface/Qwen/Qwen3-8B:together");
    expect(playgroundModelOptions(models, settings)[0]?.detail).toBe("huggingface/Qwen/Qwen3-8B, then 1 fallback");
  });

  it("names an alias by the one rule: the alias, with the model's name and routing beside it", () => {
    const quick = playgroundModelOptions(models, settings).find((o) => o.value === "Quick");
    expect(quick).toMatchObject({ label: "Quick", realName: expect.stringMatching(/ · fastest provider$/) });
  });

  it("has no default without a primary", () => {
    expect(playgroundModelOptions(models, null).map((o) => o.value)).not.toContain("default");
  });

  it("knows which ref a choice stands for", () => {
    expect(refOfName("default", settings)).toBe("huggingface/Qwen/Qwen3-8B");
    expect(refOfName("quick", settings)).toBe("huggingface/Qwen/Qwen3-8B:fastest");
    expect(refOfName("Qwen/Qwen3-8B:novita", settings)).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(refOfName("nonsense", settings)).toBeNull();
    expect(refOfName("default", null)).toBeNull();
  });

  it("starts from ?model=, else default, else the first live model", () => {
    expect(initialChoice("Qwen/Qwen3-8B:cheapest", settings, models)).toBe("huggingface/Qwen/Qwen3-8B:cheapest");
    expect(initialChoice("Quick", settings, models)).toBe("Quick");
    expect(initialChoice("bad ref", settings, models)).toBe("default");
    expect(initialChoice(null, null, models)).toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("reads ?model= as the gateway does: an alias that looks like a ref stays an alias", () => {
    const slashed: ModelSettings = { ...settings, aliases: { "huggingface/Qwen/Qwen3-8B": "a/Off" } };
    expect(initialChoice("a/Off", slashed, models)).toBe("a/Off");
    expect(refOfName("a/Off", slashed)).toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("finds the catalog entry of a ref with a suffix", () => {
    expect(catalogModelOf("huggingface/Qwen/Qwen3-8B:novita", models)?.id).toBe("Qwen/Qwen3-8B");
    expect(catalogModelOf("bad", models)).toBeUndefined();
  });
});
