import http from "node:http";
import { describe, expect, it } from "vitest";
import { checkTokenInput, isHeaderValueError, tokenProblem } from "./token-rules";

describe("tokenProblem", () => {
  it("accepts HF tokens and other visible ASCII", () => {
    expect(tokenProblem("hf_abcDEF0123456789")).toBeNull();
    expect(tokenProblem("hf_fake_e2e_token_0000")).toBeNull();
  });

  it.each([
    ["the dashboard's mask", "hf_…x7Qz", /masked token the dashboard shows/],
    ["curly quotes", "\u201chf_abc123\u201d", /quotation mark \(“\)/],
    ["straight quotes", '"hf_abc123"', /quotation mark/],
    ["CJK", "hf_字abc", /“字” \(U\+5B57\)/],
    ["a Latin-1 letter", "hf_abcé", /“é” \(U\+00E9\)/],
    ["a control character", "hf_abc\u0007def", /control character \(U\+0007\)/],
    ["DEL", "hf_abc\u007fdef", /control character \(U\+007F\)/],
    ["a space", "hf_abc def", /no spaces or line breaks/],
    ["a line break", "hf_abc\ndef", /no spaces or line breaks/],
    ["a no-break space", "hf_abc\u00a0def", /no spaces or line breaks/],
    ["a zero-width space", "hf_abc\u200bdef", /invisible character \(U\+200B\)/],
    ["a .env comment sign", "hf_abc#def", /“#”/],
    ["nothing", "", /Paste a Hugging Face token/],
    ["too much", `hf_${"a".repeat(600)}`, /too long/],
  ])("refuses %s, saying why", (_name, token, reason) => {
    expect(tokenProblem(token)).toMatch(reason);
  });

  it("never echoes the token in its reason", () => {
    const token = "hf_secretpart字";
    expect(tokenProblem(token)).not.toContain("secretpart");
  });
});

describe("checkTokenInput", () => {
  it("trims what a copy adds around the token", () => {
    expect(checkTokenInput("  hf_abc123\n")).toEqual({ token: "hf_abc123", problem: null });
  });
});

describe("isHeaderValueError", () => {
  it("recognises the error fetch throws for a header it cannot send", () => {
    let thrown: unknown;
    try {
      new Headers({ authorization: "Bearer hf_…x7Qz" });
    } catch (error) {
      thrown = error;
    }
    expect(isHeaderValueError(thrown)).toBe(true);
    expect(isHeaderValueError(new TypeError("fetch failed"))).toBe(false);
  });

  it("recognises the error node:http throws for a header it cannot send", () => {
    let thrown: unknown;
    try {
      http.request("http://127.0.0.1:9/", { headers: { authorization: "Bearer hf_\nx" } });
    } catch (error) {
      thrown = error;
    }
    expect(isHeaderValueError(thrown)).toBe(true);
  });
});
