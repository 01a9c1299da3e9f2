import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { getCatalog, invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { getLedger } from "@/lib/server/ledger/ledger";
import { recent } from "@/lib/server/ledger/ledger-queries";
import { GET as models } from "../../models/route";
import { POST } from "./route";

const TOKEN = "hf_fake_openclaw_route_0007";
const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
const saved = { ...process.env };
let router: FakeRouter;
let stateDir: string;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 1 });
});
afterAll(() => router.close());

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-route-"));
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH", "HOST", "DASHBOARD_API_KEY"])
    delete process.env[name];
  process.env.OPENCLAW_STATE_DIR = stateDir;
  process.env.HF_PICKER_DATA_DIR = path.join(stateDir, "data");
  process.env.HF_ROUTER_URL = router.url;
  invalidateCatalog();
});
afterEach(() => {
  getLedger().service.close();
  process.env = { ...saved };
  fs.rmSync(stateDir, { recursive: true, force: true });
  invalidateCatalog();
});

/** A request as OpenClaw sends it: bare id, its own HF key as bearer, a generic OpenAI user agent. */
const openclaw = (body: Record<string, unknown>, key = TOKEN) =>
  POST(
    new Request("http://127.0.0.1:3000/api/openclaw/v1/chat/completions", {
      method: "POST",
      headers: {
        host: "127.0.0.1:3000",
        "content-type": "application/json",
        authorization: `Bearer ${key}`,
        "user-agent": "OpenAI/JS 7.15.0",
      },
      body: JSON.stringify({ messages: [{ role: "user", content: "Say hi" }], ...body }),
    }),
  );

async function rows() {
  await expect.poll(() => getLedger().service.read((db) => recent(db, ALL_TIME)).length).toBeGreaterThan(0);
  return getLedger().service.read((db) => recent(db, ALL_TIME));
}

describe("OpenClaw's route through the dashboard", () => {
  it("answers a bare id with a suffix, labels it openclaw and prices it at the provider that answered", async () => {
    fs.writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${TOKEN}\n`);
    const response = await openclaw(
      { model: "Qwen/Qwen3-8B:cheapest", stream: true, stream_options: { include_usage: true } },
      "hf_fake_some_other_key_1",
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    // OpenClaw asked for usage: it gets the usage chunk.
    expect(text).toMatch(/"usage":\{"prompt_tokens":\d+/);
    const [row] = await rows();
    const provider = response.headers.get("x-inference-provider");
    const price = (await getCatalog()).models
      .find((m) => m.id === "Qwen/Qwen3-8B")
      ?.providers.find((p) => p.provider === provider)?.pricing;
    expect(row).toMatchObject({ client: "openclaw", requested: "Qwen/Qwen3-8B:cheapest", provider, status: 200 });
    expect(price).toBeDefined();
    expect(row?.costUsd).toBeCloseTo(
      ((row?.promptTokens ?? 0) * (price?.input ?? 0) + (row?.completionTokens ?? 0) * (price?.output ?? 0)) / 1e6,
      12,
    );
  });

  it("uses OpenClaw's own HF key when the dashboard has no token", async () => {
    const response = await openclaw({ model: "Qwen/Qwen3-8B" });
    expect(response.status).toBe(200);
    expect((await rows())[0]).toMatchObject({ client: "openclaw", status: 200 });
    // Without any HF key the usual no_token refusal.
    expect((await openclaw({ model: "Qwen/Qwen3-8B" }, "not-an-hf-key")).status).toBe(401);
  });

  it("lists bare Hub ids for OpenClaw's model discovery", async () => {
    fs.writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${TOKEN}\n`);
    const body = (await (
      await models(new Request("http://127.0.0.1:3000/api/openclaw/v1/models", { headers: { host: "127.0.0.1:3000" } }))
    ).json()) as { object: string; data: { id: string }[] };
    expect(body.object).toBe("list");
    expect(body.data.map((m) => m.id)).toContain("Qwen/Qwen3-8B");
    expect(body.data.every((m) => !m.id.startsWith("huggingface/"))).toBe(true);
  });
});
