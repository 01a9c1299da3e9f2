import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chainCheckSchema, chainTestSchema } from "@/lib/catalog/chain-types";
import { invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { POST } from "./route";
import { POST as TEST } from "./test/route";

const TOKEN = "hf_chain_check_token_77";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const saved = { ...process.env };
let router: FakeRouter;
let stateDir: string;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 1 });
});
afterAll(() => router.close());

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "chain-check-route-"));
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH"]) delete process.env[name];
  process.env.OPENCLAW_STATE_DIR = stateDir;
  process.env.HF_ROUTER_URL = router.url;
  fs.writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${TOKEN}\n`);
  fs.writeFileSync(
    path.join(stateDir, "openclaw.json"),
    `{ agents: { defaults: { model: { primary: "${R1}", fallbacks: ["${R1}:cheapest"] } } } }\n`,
  );
  invalidateCatalog();
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(stateDir, { recursive: true, force: true });
  invalidateCatalog();
});

const post = (handler: (request: Request) => Promise<Response>, url: string, body?: unknown) =>
  handler(
    new Request(`http://127.0.0.1:3000${url}`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

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
      new Request("http://127.0.0.1:3000/api/settings/check", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", origin: "https://evil.example" },
      }),
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
    fs.rmSync(path.join(stateDir, ".env"));
    const response = await post(TEST, "/api/settings/check/test");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "No Hugging Face token",
    );
  });
});
