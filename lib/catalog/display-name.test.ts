import { describe, expect, it } from "vitest";
import { deriveDisplayName, firstName } from "./display-name";

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
