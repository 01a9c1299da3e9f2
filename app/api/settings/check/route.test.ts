import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { chainCheckSchema, chainTestSchema } from "@/lib/catalog/chain-types";
import { errorOf, localRequest, fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { POST } from "./route";
import { POST as TEST } from "./test/route";

const TOKEN = "hf_chain_check_token_77";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const router = fakeRouterPerFile({ token: TOKEN, chunkDelayMs: 1 });
const dirs = stateDirPerTest({
  prefix: "chain-check-route",
  routerUrl: () => router().url,
  token: TOKEN,
  config: `{ agents: { defaults: { model: { primary: "${R1}", fallbacks: ["${R1}:cheapest"] } } } }\n`,
});

const post = (handler: (request: Request) => Promise<Response>, url: string, body?: unknown) =>
  handler(localRequest(url, { method: "POST", body }));

describe("POST /api/settings/check", () => {
  it("checks the saved chain when the body is empty", async () => {
    const response = await post(POST, "/api/settings/check");
    expect(response.status).toBe(200);
    const check = chainCheckSchema.parse(await response.json());
    expect(check.catalogSource).toBe("live");
    expect(check.findings).toContainEqual(
      expect.objectContaining({ code: "same-model-as-primary", ref: `${R1}:cheapest`, position: 1 }),
    );
  });

  it("checks unsaved edits sent in the body", async () => {
    const response = await post(POST, "/api/settings/check", {
      primary: R1,
      fallbacks: ["huggingface/acme/Not-Routed", QWEN],
    });
    const check = chainCheckSchema.parse(await response.json());
    expect(check.findings.map((f) => [f.code, f.position])).toContainEqual(["not-in-catalog", 1]);
    expect(check.candidates.map((c) => c.ref)).toEqual([R1, "huggingface/acme/Not-Routed", QWEN]);
    expect(check.estimate.maxUsd).toBeGreaterThan(0);
  });

  it("answers 400 naming the field for a malformed body, and 403 for a foreign origin", async () => {
    const bad = await post(POST, "/api/settings/check", { primary: 3, fallbacks: [] });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as unknown).toMatchObject({
      error: { code: "bad_request", issues: [{ path: "primary" }] },
    });
    const foreign = await POST(
      localRequest("/api/settings/check", { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(foreign.status).toBe(403);
  });
});

describe("POST /api/settings/check/test", () => {
  it("sends one tiny request through each candidate and names the one that would answer", async () => {
    const response = await post(TEST, "/api/settings/check/test", {
      primary: "huggingface/fault/status-503",
      fallbacks: [QWEN, R1],
    });
    expect(response.status).toBe(200);
    const test = chainTestSchema.parse(await response.json());
    expect(test.results.map((r) => [r.ref, r.ok, r.outcome])).toEqual([
      ["huggingface/fault/status-503", false, "503"],
      [QWEN, true, "ok"],
      [R1, true, "ok"],
    ]);
    expect(test.results[0]?.message).toContain("temporarily unavailable");
    expect(test.results[1]?.provider).toBeTruthy();
    expect(test.results[1]?.ttftMs).toBeGreaterThanOrEqual(0);
    expect(test.verdict.answeredBy).toBe(QWEN);
    expect(test.verdict.reasons[2]?.reason).toBe(`Not reached: ${QWEN} answers first.`);
  });

  it("refuses without a token, clearly", async () => {
    fs.rmSync(dirs.envFile);
    const response = await post(TEST, "/api/settings/check/test");
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain("No Hugging Face token");
  });
});
