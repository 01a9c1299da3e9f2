import { describe, expect, it } from "vitest";
import { pickProvider, splitModelId } from "./routing";
import type { RouterModel } from "./types";

const model: RouterModel = {
  id: "org/Model",
  object: "model",
  created: 0,
  owned_by: "org",
  architecture: { input_modalities: ["text"], output_modalities: ["text"] },
  providers: [
    { provider: "bare", status: "live" },
    { provider: "slow-cheap", status: "live", pricing: { input: 0.1, output: 0.2 }, throughput: 10 },
    { provider: "fast-dear", status: "live", pricing: { input: 1, output: 2 }, throughput: 300 },
    { provider: "down", status: "error", pricing: { input: 0, output: 0 }, throughput: 999 },
  ],
};

function picked(suffix: string): string | number {
  const result = pickProvider(model, suffix);
  return result.ok ? result.provider.provider : result.status;
}

describe("suffix routing", () => {
  it("splits the suffix off the id", () => {
    expect(splitModelId("org/Model:cheapest")).toEqual({ id: "org/Model", suffix: "cheapest" });
    expect(splitModelId("org/Model")).toEqual({ id: "org/Model", suffix: "" });
  });

  it("picks by policy among live backends only", () => {
    expect(picked("")).toBe("fast-dear");
    expect(picked("fastest")).toBe("fast-dear");
    expect(picked("cheapest")).toBe("slow-cheap");
    expect(picked("preferred")).toBe("bare");
  });

  it("pins a live backend and refuses others with 400", () => {
    expect(picked("slow-cheap")).toBe("slow-cheap");
    expect(picked("down")).toBe(400);
    expect(picked("nowhere")).toBe(400);
    expect(picked("Bad_Suffix")).toBe(400);
    const result = pickProvider(model, "nowhere");
    expect(!result.ok && JSON.stringify(result.body)).toContain("provider nowhere");
  });

  it("answers 503 when no backend is live", () => {
    expect(pickProvider({ ...model, providers: [{ provider: "down", status: "error" }] }, "").ok).toBe(false);
  });
});
