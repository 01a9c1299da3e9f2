import { describe, expect, it } from "vitest";
import { readApiError } from "./api-error";

describe("readApiError", () => {
  it("reads our shape with its code and field issues", () => {
    const body = { error: { code: "validation", message: "Bad", issues: [{ path: "primary", message: "Empty" }] } };
    expect(readApiError(body, "x")).toEqual({
      message: "Bad",
      code: "validation",
      issues: [{ path: "primary", message: "Empty" }],
    });
  });

  it("reads OpenAI's shape, whose code may be null", () => {
    const body = { error: { message: "out of credits", type: "insufficient_quota", code: null, param: null } };
    expect(readApiError(body, "x")).toEqual({ message: "out of credits", code: null, issues: [] });
  });

  it("reads the router's plain-text error and a stream event's error", () => {
    expect(readApiError({ error: "Model is overloaded" }, "x").message).toBe("Model is overloaded");
    expect(
      readApiError({ choices: [], error: { message: "broke off", code: "stream_interrupted" } }, "x"),
    ).toMatchObject({
      message: "broke off",
      code: "stream_interrupted",
    });
  });

  it("falls back when the body says nothing usable, and drops odd fields", () => {
    for (const body of [null, "text", 42, {}, { error: 42 }, { error: { code: "x" } }]) {
      expect(readApiError(body, "Request failed (500)")).toEqual({
        message: "Request failed (500)",
        code: null,
        issues: [],
      });
    }
    expect(readApiError({ error: { message: "m", code: 7, issues: "no" } }, "x")).toEqual({
      message: "m",
      code: null,
      issues: [],
    });
  });
});
