import { describe, expect, it } from "vitest";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import {
  catalogModelOf,
  initialChoice,
  playgroundModelOptions,
  refOfChoice,
  type PlaygroundSettings,
} from "./playground-models";

const model = (id: string, available = true): CatalogModel => ({
  ref: `huggingface/${id}`,
  id,
  displayName: id,
  name: id,
  ownedBy: id.split("/")[0]!,
  available,
  builtin: false,
  reasoning: false,
  input: ["text"],
  providers: [{ provider: "together", status: "live" }],
});
const models = [model("a/Off", false), model("Qwen/Qwen3-8B")];
const settings: PlaygroundSettings = {
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

  it("has no default without a primary", () => {
    expect(playgroundModelOptions(models, null).map((o) => o.value)).not.toContain("default");
  });

  it("knows which ref a choice stands for", () => {
    expect(refOfChoice("default", settings)).toBe("huggingface/Qwen/Qwen3-8B");
    expect(refOfChoice("quick", settings)).toBe("huggingface/Qwen/Qwen3-8B:fastest");
    expect(refOfChoice("Qwen/Qwen3-8B:novita", settings)).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(refOfChoice("nonsense", settings)).toBeNull();
    expect(refOfChoice("default", null)).toBeNull();
  });

  it("starts from ?model=, else default, else the first live model", () => {
    expect(initialChoice("Qwen/Qwen3-8B:cheapest", settings, models)).toBe("huggingface/Qwen/Qwen3-8B:cheapest");
    expect(initialChoice("Quick", settings, models)).toBe("Quick");
    expect(initialChoice("bad ref", settings, models)).toBe("default");
    expect(initialChoice(null, null, models)).toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("finds the catalog entry of a ref with a suffix", () => {
    expect(catalogModelOf("huggingface/Qwen/Qwen3-8B:novita", models)?.id).toBe("Qwen/Qwen3-8B");
    expect(catalogModelOf("bad", models)).toBeUndefined();
  });
});
