import { describe, expect, it } from "vitest";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { aliasOf, planAction, usageOf } from "./catalog-actions";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const Q8 = "huggingface/Qwen/Qwen3-8B";
const state: SettingsInput = { primary: R1, fallbacks: [Q8], aliases: { [R1]: "R1" } };

describe("planAction", () => {
  it("sets the primary and takes it out of the fallbacks", () => {
    expect(planAction(state, { kind: "primary", ref: Q8 })).toEqual({
      kind: "save",
      input: { primary: Q8, fallbacks: [], aliases: { [R1]: "R1" } },
      message: `Primary model set to ${Q8}.`,
    });
  });
  it("does nothing when the ref is already primary (any spelling)", () => {
    expect(planAction(state, { kind: "primary", ref: "deepseek-ai/DeepSeek-R1" }).kind).toBe("unchanged");
  });
  it("appends a fallback once, never the primary", () => {
    const plan = planAction(state, { kind: "fallback", ref: `${R1}:fastest` });
    expect(plan.kind === "save" && plan.input.fallbacks).toEqual([Q8, `${R1}:fastest`]);
    expect(planAction(state, { kind: "fallback", ref: Q8 }).kind).toBe("unchanged");
    expect(planAction(state, { kind: "fallback", ref: R1 }).kind).toBe("refused");
  });
  it("sets, changes and removes an alias", () => {
    const set = planAction(state, { kind: "alias", ref: Q8, alias: "  small " });
    expect(set.kind === "save" && set.input.aliases).toEqual({ [R1]: "R1", [Q8]: "small" });
    const removed = planAction(state, { kind: "alias", ref: R1, alias: "" });
    expect(removed.kind === "save" && removed.input.aliases).toEqual({});
    expect(planAction(state, { kind: "alias", ref: R1, alias: "R1" }).kind).toBe("unchanged");
  });
  it("replaces an alias stored under another spelling of the ref", () => {
    const plan = planAction(
      { ...state, aliases: { "deepseek-ai/DeepSeek-R1": "old" } },
      { kind: "alias", ref: R1, alias: "new" },
    );
    expect(plan.kind === "save" && plan.input.aliases).toEqual({ [R1]: "new" });
  });
  it("does not mutate the state it was given", () => {
    planAction(state, { kind: "alias", ref: R1, alias: "" });
    expect(state.aliases).toEqual({ [R1]: "R1" });
  });
});

describe("aliasOf", () => {
  it("finds the alias of a ref", () => {
    expect(aliasOf(state, R1)).toBe("R1");
    expect(aliasOf(state, Q8)).toBe("");
    expect(aliasOf(undefined, R1)).toBe("");
  });
});

describe("usageOf", () => {
  it("finds the model as primary or fallback under any suffix", () => {
    const settings = { primary: `${R1}:fastest`, fallbacks: [Q8, "deepseek-ai/DeepSeek-R1:groq"] };
    expect(usageOf(R1, settings)).toEqual({
      primary: `${R1}:fastest`,
      fallbacks: [{ ref: `${R1}:groq`, position: 2 }],
    });
    expect(usageOf(Q8, settings)).toEqual({ primary: null, fallbacks: [{ ref: Q8, position: 1 }] });
    expect(usageOf(R1, undefined)).toEqual({ primary: null, fallbacks: [] });
  });
});
