import { describe, expect, it } from "vitest";
import { deriveDisplayName, firstName, modelLabel } from "./display-name";

describe("deriveDisplayName", () => {
  it.each([
    ["deepseek-ai/DeepSeek-R1", "DeepSeek R1"],
    ["Qwen/Qwen2.5-7B-Instruct", "Qwen2.5 7B Instruct"],
    ["openai/gpt-oss-120b", "gpt oss 120b"],
    ["org/snake_case__name", "snake case name"],
    ["zai-org/GLM-4.7:cheapest", "GLM 4.7"],
  ])("%s -> %s", (id, name) => {
    expect(deriveDisplayName(id)).toBe(name);
  });

  it("picks the first non-blank name", () => {
    expect(firstName(undefined, "  ", " API name ", "built-in")).toBe("API name");
    expect(firstName(undefined, null)).toBeUndefined();
  });
});

describe("modelLabel", () => {
  it("reads the alias first, with the real name beside it", () => {
    expect(modelLabel("My Qwen", "Qwen")).toEqual({ label: "Qwen", realName: "My Qwen" });
  });

  it("never shows a name twice when the alias is the name", () => {
    expect(modelLabel("DeepSeek R1", "DeepSeek R1")).toEqual({ label: "DeepSeek R1", realName: null });
    expect(modelLabel("DeepSeek R1", " deepseek r1 ")).toEqual({ label: "deepseek r1", realName: null });
  });

  it("uses the name alone without an alias", () => {
    expect(modelLabel("Qwen3 8B")).toEqual({ label: "Qwen3 8B", realName: null });
    expect(modelLabel("Qwen3 8B", "  ")).toEqual({ label: "Qwen3 8B", realName: null });
  });
});
