/**
 * The gateway through the official `openai` SDK, as an OpenAI client (or OpenClaw) would use it,
 * against the e2e `live` dashboard and the fake router.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import OpenAI, { APIError, AuthenticationError, BadRequestError, RateLimitError } from "openai";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { e2e, FAKE_TOKEN, ports } from "./env";
import { removeConfig, writeConfig } from "./pages/config-file";

const stateDir = e2e.live.stateDir;
// maxRetries 0: the SDK would otherwise retry 429/5xx itself and hide what the gateway answered.
const client = new OpenAI({ baseURL: `${e2e.live.url}/api/v1`, apiKey: "not-needed-on-loopback", maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Say hello" }];

function routingConfig(primary: string, fallbacks: string[]) {
  return `{
  // written by gateway-openai.spec.ts
  agents: { defaults: {
    model: { primary: "${primary}", fallbacks: ${JSON.stringify(fallbacks)} },
    models: { "huggingface/Qwen/Qwen3-8B:novita": { alias: "Nova" } },
  } },
}
`;
}

test.describe("OpenAI-compatible gateway (openai SDK)", () => {
  test.beforeEach(() =>
    writeConfig(stateDir, routingConfig("huggingface/fault/status-503", ["huggingface/Qwen/Qwen3-8B"])),
  );
  test.afterAll(() => removeConfig(stateDir));

  test("lists default, aliases and every catalog ref", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids[0]).toBe("default");
    expect(ids).toContain("Nova");
    expect(ids).toContain("huggingface/Qwen/Qwen3-8B");
    expect(ids.length).toBeGreaterThan(100);
  });

  test("answers a chat request and names the ref and provider", async () => {
    const { data, response } = await client.chat.completions
      .create({ model: "huggingface/Qwen/Qwen3-8B:novita", messages })
      .withResponse();
    expect(data.choices[0]?.message.content).toContain("fake router");
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(response.headers.get("x-inference-provider")).toBe("novita");
  });

  test("streams chunks as they are written, with usage", async () => {
    const stream = await client.chat.completions.create({
      model: "Nova",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const arrivals: number[] = [];
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) {
        arrivals.push(Date.now());
        text += delta.content;
      }
      usage ??= chunk.usage;
    }
    expect(text).toContain("Done.");
    expect(usage?.completion_tokens).toBeGreaterThan(10);
    // The fake router waits ~15 ms between chunks: a buffering proxy would deliver them all at once.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(300);
  });

  test("`default` falls back from a failing primary to the next model", async () => {
    const { data, response } = await client.chat.completions.create({ model: "default", messages }).withResponse();
    expect(data.choices[0]?.message.content).toContain("Qwen/Qwen3-8B");
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B");
    expect(response.headers.get("x-fallback-attempts")).toBe("1");
    expect(response.headers.get("x-fallback-errors")).toBe("huggingface/fault/status-503=503");
  });

  test("a 400 from the router is not retried on the fallbacks", async () => {
    writeConfig(stateDir, routingConfig("huggingface/fault/status-400", ["huggingface/Qwen/Qwen3-8B"]));
    const error = await client.chat.completions.create({ model: "default", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).headers?.get("x-fallback-attempts")).toBe("0");
  });

  test("a bad ref is a BadRequestError naming the bad part", async () => {
    const error = await client.chat.completions
      .create({ model: "huggingface/Qwen/Qwen3-8B:Bad!", messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).code).toBe("invalid_model");
    expect((error as APIError).message).toContain("suffix");
  });

  test("router faults map to clear OpenAI errors", async () => {
    const credits = await client.chat.completions
      .create({ model: "huggingface/fault/status-402", messages })
      .catch((e: unknown) => e);
    expect(credits).toBeInstanceOf(APIError);
    expect((credits as APIError).status).toBe(402);
    expect((credits as APIError).message).toContain("out of Inference Providers credits");

    const limited = await client.chat.completions
      .create({ model: "huggingface/fault/status-429", messages })
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as APIError).headers?.get("retry-after")).toBe("7");
  });

  test("without a token the error says how to add one", async () => {
    const fresh = new OpenAI({ baseURL: `${e2e.fresh.url}/api/v1`, apiKey: "x", maxRetries: 0 });
    const error = await fresh.chat.completions
      .create({ model: "huggingface/Qwen/Qwen3-8B", messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as APIError).code).toBe("no_token");
    expect((error as APIError).message).toMatch(/Settings page.*HF_TOKEN/);
  });

  test("a stream cut mid-answer ends with an error the SDK raises", async () => {
    const stream = await client.chat.completions.create({ model: "huggingface/fault/drop", messages, stream: true });
    const error = await (async () => {
      for await (const _chunk of stream) {
        // read until the error event
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(String((error as APIError).message)).toContain("broke off mid-stream");
  });
});

test.describe("gateway: a client that goes away", () => {
  // Its own fake router and dashboard, so the router's record of aborted requests can be read.
  const port = ports.gatewayAbort;
  let router: FakeRouter;
  let dashboard: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    router = await startFakeRouter({ token: FAKE_TOKEN, chunkDelayMs: 50 });
    const dir = path.join(e2e.root, ".tmp", `e2e-${port}-abort`);
    dashboard = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/e2e-dashboard.ts", String(port), dir, router.url, FAKE_TOKEN],
      {
        cwd: e2e.root,
        env: { ...process.env, NEXT_DIST_DIR: e2e.distDir },
        stdio: "ignore",
      },
    );
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, {
        timeout: 60_000,
      })
      .toBe(200);
  });
  test.afterAll(async () => {
    dashboard?.kill("SIGTERM");
    await router?.close();
  });

  test("aborting mid-stream aborts the router request", async () => {
    const controller = new AbortController();
    const sdk = new OpenAI({ baseURL: `http://127.0.0.1:${port}/api/v1`, apiKey: "x", maxRetries: 0 });
    const stream = await sdk.chat.completions.create(
      { model: "huggingface/Qwen/Qwen3-8B", messages, stream: true },
      { signal: controller.signal },
    );
    let chunks = 0;
    await (async () => {
      for await (const _chunk of stream) if (++chunks === 3) controller.abort();
    })().catch(() => undefined);
    const upstream = () => router.requests.find((r) => r.path === "/v1/chat/completions");
    await expect.poll(() => upstream()?.aborted, { timeout: 5_000 }).toBe(true);
    expect(upstream()?.completed).toBe(false);
  });

  test("aborting before the first byte aborts the router request and tries no fallback", async () => {
    const before = router.requests.length;
    const controller = new AbortController();
    const sdk = new OpenAI({ baseURL: `http://127.0.0.1:${port}/api/v1`, apiKey: "x", maxRetries: 0 });
    const pending = sdk.chat.completions.create(
      {
        model: "huggingface/fault/hang",
        messages,
        stream: true,
        models: ["huggingface/Qwen/Qwen3-8B"],
      } as OpenAI.ChatCompletionCreateParamsStreaming,
      { signal: controller.signal },
    );
    await expect.poll(() => router.requests.length, { timeout: 5_000 }).toBeGreaterThan(before);
    controller.abort();
    await pending.catch(() => undefined);
    const chats = () => router.requests.slice(before).filter((r) => r.path === "/v1/chat/completions");
    await expect.poll(() => chats()[0]?.aborted, { timeout: 5_000 }).toBe(true);
    expect(chats().map((r) => r.model)).toEqual(["fault/hang"]);
  });
});
