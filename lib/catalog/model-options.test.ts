import { describe, expect, it } from "vitest";
import { catalogModel, liveProviders } from "@/test/factories/catalog-model";
import { buildModelOptions, customRefOption, filterModelOptions, optionForRef } from "./model-options";

const r1 = catalogModel("deepseek-ai/DeepSeek-R1", {
  providers: [...liveProviders("together", "novita"), { provider: "sambanova", status: "error" }],
});
const qwen = catalogModel("Qwen/Qwen3-8B", { providers: liveProviders("nscale") });
const kimi = catalogModel("moonshotai/Kimi-K2.5", { available: false });

describe("buildModelOptions", () => {
  it("offers each model, its policies and its live providers, in catalog order", () => {
    const values = buildModelOptions([r1]).map((o) => o.value);
    expect(values).toEqual([
      "huggingface/deepseek-ai/DeepSeek-R1",
      "huggingface/deepseek-ai/DeepSeek-R1:fastest",
      "huggingface/deepseek-ai/DeepSeek-R1:cheapest",
      "huggingface/deepseek-ai/DeepSeek-R1:preferred",
      "huggingface/deepseek-ai/DeepSeek-R1:novita",
      "huggingface/deepseek-ai/DeepSeek-R1:together",
    ]);
  });

  it("limits variants to the requested policies and can leave providers out", () => {
    const values = buildModelOptions([qwen], { policies: ["cheapest", "fastest"], providers: false }).map(
      (o) => o.value,
    );
    expect(values).toEqual([
      "huggingface/Qwen/Qwen3-8B",
      "huggingface/Qwen/Qwen3-8B:cheapest",
      "huggingface/Qwen/Qwen3-8B:fastest",
    ]);
  });

  it("labels an option with its alias, keeping the name and routing as detail", () => {
    const options = buildModelOptions([r1], { aliases: { "deepseek-ai/DeepSeek-R1:cheapest": " R1 cheap " } });
    const cheap = options.find((o) => o.value.endsWith(":cheapest"));
    expect(cheap).toMatchObject({
      label: "R1 cheap",
      alias: "R1 cheap",
      detail: "DeepSeek R1 · cheapest provider",
      kind: "policy",
    });
    expect(cheap?.realName).toBe("DeepSeek R1 · cheapest provider");
    expect(options[0]).toMatchObject({ label: "DeepSeek R1", detail: "DeepSeek R1", realName: null, kind: "model" });
  });

  it("shows no real name beside an alias that is the name itself", () => {
    const options = buildModelOptions([r1], { aliases: { "deepseek-ai/DeepSeek-R1": "DeepSeek R1" } });
    expect(options[0]).toMatchObject({ label: "DeepSeek R1", alias: "DeepSeek R1", realName: null });
  });

  it("marks models the router does not serve and gives them no provider variants", () => {
    const options = buildModelOptions([kimi]);
    expect(options.every((o) => !o.available)).toBe(true);
    expect(options.some((o) => o.kind === "provider")).toBe(false);
  });

  it("adds refs only the config knows, once, after the catalog", () => {
    const options = buildModelOptions([qwen], {
      extraRefs: ["org/Custom-Model:together", "huggingface/Qwen/Qwen3-8B", "not a ref"],
      aliases: { "huggingface/other/Thing": "Thing" },
    });
    const extras = options.filter((o) => o.kind === "config");
    expect(extras.map((o) => [o.value, o.label])).toEqual([
      ["huggingface/org/Custom-Model:together", "Custom Model · pinned to together"],
      ["huggingface/other/Thing", "Thing"],
    ]);
  });
});

describe("filterModelOptions", () => {
  const options = buildModelOptions([r1, qwen, kimi], { aliases: { "huggingface/Qwen/Qwen3-8B": "fast qwen" } });

  it("matches every word anywhere in ref, name, alias, routing and org", () => {
    const values = filterModelOptions(options, "deepseek cheap").options.map((o) => o.value);
    expect(values).toEqual(["huggingface/deepseek-ai/DeepSeek-R1:cheapest"]);
    expect(filterModelOptions(options, "moonshotai").options).toHaveLength(4);
  });

  it("puts an exact ref first, in any accepted spelling", () => {
    const first = filterModelOptions(options, "deepseek-ai/DeepSeek-R1:together").options[0];
    expect(first?.value).toBe("huggingface/deepseek-ai/DeepSeek-R1:together");
  });

  it("puts an exact alias before other matches", () => {
    const values = filterModelOptions(options, "fast qwen").options.map((o) => o.value);
    expect(values[0]).toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("puts a model whose name matches exactly first, even when it has an alias", () => {
    const withAlias = buildModelOptions([catalogModel("deepseek-ai/DeepSeek-R1-0528"), r1], {
      aliases: { "huggingface/deepseek-ai/DeepSeek-R1": "R1" },
    });
    expect(filterModelOptions(withAlias, "deepseek r1").options[0]?.value).toBe("huggingface/deepseek-ai/DeepSeek-R1");
  });

  it("ranks plain models before their variants among label prefix matches", () => {
    const values = filterModelOptions(options, "deepseek").options.map((o) => o.kind);
    expect(values.slice(0, 2)).toEqual(["model", "policy"]);
  });

  it("reports how many matches the limit hid", () => {
    const result = filterModelOptions(options, "", 3);
    expect(result.options).toHaveLength(3);
    expect(result.hidden).toBe(options.length - 3);
  });
});

describe("customRefOption", () => {
  const options = buildModelOptions([qwen]);

  it("offers a valid typed ref the list lacks", () => {
    expect(customRefOption("someone/New-Model:cheapest", options)).toMatchObject({
      value: "huggingface/someone/New-Model:cheapest",
      label: "Use huggingface/someone/New-Model:cheapest",
    });
  });

  it("offers nothing for invalid text or a known ref", () => {
    expect(customRefOption("qwen", options)).toBeNull();
    expect(customRefOption("Qwen/Qwen3-8B:bad_suffix!", options)).toBeNull();
    expect(customRefOption("Qwen/Qwen3-8B", options)).toBeNull();
  });
});

describe("optionForRef", () => {
  it("finds the catalog option or makes a plain one", () => {
    const options = buildModelOptions([qwen]);
    expect(optionForRef("Qwen/Qwen3-8B:fastest", options)?.detail).toBe("Qwen3 8B · fastest provider");
    expect(optionForRef("a/B-c", options)).toMatchObject({ value: "huggingface/a/B-c", label: "B c" });
    expect(optionForRef("nope", options)).toBeNull();
  });
});
