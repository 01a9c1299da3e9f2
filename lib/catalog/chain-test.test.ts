import { describe, expect, it } from "vitest";
import { chainVerdict, estimateChainTest } from "./chain-test";
import type { ChainTestResult } from "./chain-types";

function result(ref: string, position: number, outcome: string, extra: Partial<ChainTestResult> = {}): ChainTestResult {
  const ok = outcome === "ok";
  return {
    ref,
    position,
    ok,
    status: ok ? 200 : /^\d+$/.test(outcome) ? Number(outcome) : null,
    outcome,
    message: ok ? null : `failed with ${outcome}`,
    provider: ok ? "together" : null,
    ttftMs: ok ? 120 : null,
    totalMs: 300,
    fallsBack: !ok && outcome !== "400",
    ...extra,
  };
}

describe("chainVerdict", () => {
  it("names the first candidate that answered, and why the others did not", () => {
    const verdict = chainVerdict([result("a", 0, "503"), result("b", 1, "ok"), result("c", 2, "ok")]);
    expect(verdict.answeredBy).toBe("b");
    expect(verdict.reasons.map((r) => r.reason)).toEqual([
      "Fails (503: failed with 503); the gateway moves on to the next one.",
      "Answers (together): a real request would get its answer here.",
      "Not reached: b answers first.",
    ]);
  });

  it("stops where the gateway would stop: a 400 is not retried", () => {
    const verdict = chainVerdict([result("a", 0, "400"), result("b", 1, "ok")]);
    expect(verdict.answeredBy).toBeNull();
    expect(verdict.reasons[0]?.reason).toContain("the gateway stops here");
    expect(verdict.reasons[1]?.reason).toBe("Not reached: the request stops at a (400).");
  });

  it("has no answer when every candidate failed", () => {
    expect(chainVerdict([result("a", 0, "timeout"), result("b", 1, "429")]).answeredBy).toBeNull();
  });
});

describe("estimateChainTest", () => {
  it("adds up the most each priced candidate can cost and lists the unpriced ones", () => {
    const estimate = estimateChainTest([
      { ref: "a", cost: { input: 1, output: 10 } },
      { ref: "b", cost: null },
    ]);
    expect(estimate).toEqual({ requests: 2, maxTokens: 16, maxUsd: (40 + 160) / 1e6, unpriced: ["b"] });
  });
});
