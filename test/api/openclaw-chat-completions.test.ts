import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { ledgerRows as rows, localRequest, fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { GET as models } from "@/app/api/openclaw/v1/models/route";
import handler from "@/pages/api/openclaw/v1/chat/completions";
import { callApiRoute } from "@/test/api-route";

const TOKEN = "hf_fake_openclaw_route_0007";
const router = fakeRouterPerFile({ token: TOKEN, chunkDelayMs: 1 });
const dirs = stateDirPerTest({ prefix: "openclaw-route", routerUrl: () => router().url });

/** A request as OpenClaw sends it: bare id, its own HF key as bearer, a generic OpenAI user agent. */
const openclaw = (body: Record<string, unknown>, key = TOKEN) =>
  callApiRoute(
    handler,
    localRequest("/api/openclaw/v1/chat/completions", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "user-agent": "OpenAI/JS 7.15.0" },
      body: { messages: [{ role: "user", content: "Say hi" }], ...body },
    }),
  );

describe("OpenClaw's route through the dashboard", () => {
  it("answers a bare id with a suffix, labels it openclaw and prices it at the provider that answered", async () => {
    fs.writeFileSync(dirs.envFile, `HF_TOKEN=${TOKEN}\n`);
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
    fs.writeFileSync(dirs.envFile, `HF_TOKEN=${TOKEN}\n`);
    const body = (await (await models(localRequest("/api/openclaw/v1/models"))).json()) as {
      object: string;
      data: { id: string }[];
    };
    expect(body.object).toBe("list");
    expect(body.data.map((m) => m.id)).toContain("Qwen/Qwen3-8B");
    expect(body.data.every((m) => !m.id.startsWith("huggingface/"))).toBe(true);
  });
});
