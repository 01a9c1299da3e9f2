import { describe, expect, it } from "vitest";
import { aliasRowIssues, draftFromInput, inputFromDraft, moveItem, sameSettings } from "./form-model";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";

describe("draft <-> input", () => {
  it("round-trips and writes refs canonically with trimmed aliases", () => {
    const draft = draftFromInput({ primary: R1, fallbacks: ["huggingface/Qwen/Qwen3-8B"], aliases: { [R1]: "R1" } });
    draft.aliasRows.push(
      { key: "x", ref: " Qwen/Qwen3-8B:fastest ", alias: "  fast  " },
      { key: "y", ref: "", alias: " " },
    );
    expect(inputFromDraft(draft)).toEqual({
      primary: R1,
      fallbacks: ["huggingface/Qwen/Qwen3-8B"],
      aliases: { [R1]: "R1", "huggingface/Qwen/Qwen3-8B:fastest": "fast" },
      modelFacts: false,
      routeOpenClaw: false,
    });
  });

  it("sends an empty primary as null and keeps an invalid ref as typed for the validator", () => {
    expect(
      inputFromDraft({
        primary: " ",
        fallbacks: ["bad ref"],
        aliasRows: [],
        switches: { modelFacts: true, routeOpenClaw: true },
      }),
    ).toEqual({
      primary: null,
      fallbacks: ["bad ref"],
      aliases: {},
      modelFacts: true,
      routeOpenClaw: true,
    });
  });

  it("carries the switches: off where the state says nothing", () => {
    expect(draftFromInput({ primary: null, fallbacks: [], aliases: {} }).switches).toEqual({
      modelFacts: false,
      routeOpenClaw: false,
    });
    expect(draftFromInput({ primary: null, fallbacks: [], aliases: {}, modelFacts: true }).switches).toEqual({
      modelFacts: true,
      routeOpenClaw: false,
    });
  });
});

describe("sameSettings", () => {
  const base = { primary: R1, fallbacks: ["a/b", "c/d"], aliases: { [R1]: "R1", "huggingface/a/b": "B" } };
  it("ignores alias order, spelling of refs and removed (empty) aliases", () => {
    expect(
      sameSettings(base, {
        primary: "deepseek-ai/DeepSeek-R1",
        fallbacks: ["huggingface/a/b", "c/d"],
        aliases: { "a/b": "B ", [R1]: "R1", "x/y": "" },
      }),
    ).toBe(true);
  });
  it("sees the OpenClaw route switched", () => {
    expect(sameSettings({ ...base, routeOpenClaw: true }, { ...base, routeOpenClaw: false })).toBe(false);
    expect(sameSettings({ ...base, routeOpenClaw: true }, { ...base, routeOpenClaw: true })).toBe(true);
  });
  it("sees a different fallback order or alias", () => {
    expect(sameSettings(base, { ...base, fallbacks: ["c/d", "a/b"] })).toBe(false);
    expect(sameSettings(base, { ...base, aliases: { [R1]: "R one" } })).toBe(false);
  });
  it("sees a switch turned on or off, and takes an absent switch as unchanged", () => {
    expect(sameSettings({ ...base, modelFacts: true }, { ...base, modelFacts: false })).toBe(false);
    expect(sameSettings({ ...base, modelFacts: true }, base)).toBe(true);
  });
});

describe("aliasRowIssues", () => {
  it("flags a missing ref, a missing alias and a ref listed twice", () => {
    const issues = aliasRowIssues([
      { key: "a", ref: R1, alias: "one" },
      { key: "b", ref: "", alias: "orphan" },
      { key: "c", ref: "deepseek-ai/DeepSeek-R1", alias: "two" },
      { key: "d", ref: "x/y", alias: "" },
      { key: "e", ref: "", alias: "" },
    ]);
    expect([...issues.keys()]).toEqual(["b", "c", "d"]);
    expect(issues.get("c")?.[0]).toMatch(/row 1/);
  });
});

describe("moveItem", () => {
  it("moves within bounds and returns a copy", () => {
    const list = ["a", "b", "c"];
    expect(moveItem(list, 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(list, 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(list, 1, 9)).toEqual(["a", "c", "b"]);
    expect(list).toEqual(["a", "b", "c"]);
  });
});
