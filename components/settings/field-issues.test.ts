import { describe, expect, it } from "vitest";
import { fieldIssues } from "./field-issues";

const draft = {
  primary: "huggingface/a/b",
  fallbacks: ["huggingface/c/d", "huggingface/e/f"],
  aliasRows: [
    { key: "r1", ref: "huggingface/a/b", alias: "AB" },
    { key: "r2", ref: "", alias: "orphan" },
  ],
  switches: { modelFacts: false, routeOpenClaw: false },
};

describe("fieldIssues", () => {
  it("places issues by field, fallback index or ref, and alias ref", () => {
    const issues = fieldIssues(
      [
        { path: "primary", message: "bad primary" },
        { path: "fallbacks.1", message: "dup" },
        { path: "fallbacks[0]", message: "first" },
        { path: "fallbacks.e/f", message: "by ref" },
        { path: "fallbacks", message: "too many" },
        { path: 'aliases["a/b"]', message: "alias clash" },
        { path: "aliases.huggingface/x/y", message: "unknown row" },
        { path: "", message: "whole form" },
      ],
      draft,
    );
    expect(issues.primary).toEqual(["bad primary"]);
    expect(issues.fallbacks).toEqual(["too many"]);
    expect(issues.fallbackItems.get(0)).toEqual(["first"]);
    expect(issues.fallbackItems.get(1)).toEqual(["dup", "by ref"]);
    expect(issues.aliasRows.get("r1")).toEqual(["alias clash"]);
    expect(issues.aliasRows.get("r2")?.[0]).toMatch(/Choose the model ref/);
    expect(issues.general).toEqual(["unknown row", "whole form"]);
    expect(issues.count).toBe(9);
  });
});
