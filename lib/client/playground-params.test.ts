import { describe, expect, it } from "vitest";
import { EMPTY_PARAMS, numberParam, samplingOf } from "./playground-params";

describe("numberParam", () => {
  it("treats blank as the model's default", () => {
    expect(numberParam(" ", { min: 0, max: 2 })).toEqual({ invalid: false });
  });
  it.each([
    ["0.7", { value: 0.7, invalid: false }],
    ["2", { value: 2, invalid: false }],
    ["2.5", { invalid: true }],
    ["-1", { invalid: true }],
    ["abc", { invalid: true }],
  ])("%s", (text, expected) => {
    expect(numberParam(text, { min: 0, max: 2 })).toEqual(expected);
  });
  it("wants whole numbers where asked", () => {
    expect(numberParam("12.5", { min: 1, max: 100, integer: true }).invalid).toBe(true);
  });
});

describe("samplingOf", () => {
  it("sends only what was typed", () => {
    expect(samplingOf({ ...EMPTY_PARAMS, temperature: "0.2", maxTokens: "64" })).toEqual({
      params: { temperature: 0.2, maxTokens: 64 },
      invalid: false,
    });
    expect(samplingOf({ ...EMPTY_PARAMS, topP: "3" })).toEqual({ params: {}, invalid: true });
  });
});
