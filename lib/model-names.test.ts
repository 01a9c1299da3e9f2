import { describe, expect, it } from "vitest";
import {
  aliasTarget,
  defaultRefs,
  isDefaultName,
  refOfName,
  resolveModelName,
  type ModelSettings,
} from "./model-names";

const QWEN = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.7";

describe("model names", () => {
  it("reads no name and `default` in any case as the default", () => {
    for (const name of [undefined, null, "", "  ", "default", "DEFAULT", " Default "]) {
      expect(isDefaultName(name)).toBe(true);
    }
    expect(isDefaultName("defaults")).toBe(false);
  });

  it("prefers an alias over a ref of the same spelling", () => {
    // "Qwen/Qwen3-8B" is a valid bare ref, but here it is also an alias of GLM: the alias wins.
    const aliases = { [GLM]: "Qwen/Qwen3-8B" };
    expect(resolveModelName("Qwen/Qwen3-8B", [aliases])).toEqual({ kind: "alias", ref: GLM });
    expect(resolveModelName("Qwen/Qwen3-8B", [{}])).toEqual({ kind: "ref", ref: QWEN });
  });

  it("matches aliases case-insensitively, the earlier map first", () => {
    const config = { [QWEN]: "Quick" };
    const catalog = { [GLM]: "quick" };
    expect(aliasTarget(" QUICK ", [config, catalog])).toBe(QWEN);
    expect(aliasTarget("quick", [catalog, config])).toBe(GLM);
  });

  it("skips an alias whose ref does not parse", () => {
    expect(aliasTarget("x", [{ "not a ref": "x", [QWEN]: "x" }])).toBe(QWEN);
  });

  it("names an unknown model with the ref error", () => {
    const result = resolveModelName("gpt-4o", []);
    expect(result.kind).toBe("unknown");
    expect(result.kind === "unknown" && result.message).toMatch(/^Unknown model "gpt-4o": not an alias/);
  });

  it("resolves the default to the first configured ref that parses", () => {
    const settings: ModelSettings = { primary: "not a ref", fallbacks: ["Qwen/Qwen3-8B", GLM], aliases: {} };
    expect(defaultRefs(settings)).toEqual([QWEN, GLM]);
    expect(refOfName("default", settings)).toBe(QWEN);
    expect(refOfName("default", null)).toBeNull();
  });
});
