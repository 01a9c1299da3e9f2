import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { proxyChat, type ProxyChatInput } from "./chat-proxy";

const TOKEN = "hf_fake_unit_token_1234";
let router: FakeRouter;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 10 });
});
afterAll(() => router.close());

const messages = [{ role: "user", content: "Hello there" }];

function run(candidates: string[], overrides: Partial<ProxyChatInput> & { stream?: boolean } = {}) {
  const { stream = true, ...rest } = overrides;
  return proxyChat({
    candidates,
    body: { messages, stream },
    token: TOKEN,
    routerUrl: router.url,
    signal: new AbortController().signal,
    firstByteTimeoutMs: 2_000,
    plainTimeoutMs: 2_000,
    ...rest,
  });
}

/** Reads a body chunk by chunk, with the time each chunk arrived. */
async function readTimed(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: { at: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push({ at: Date.now(), text: decoder.decode(value, { stream: true }) });
  }
  return { chunks, text: chunks.map((c) => c.text).join("") };
}

const dataEvents = (text: string) =>
  text
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => e.slice(6));

const chatRequests = (since: number) =>
  router.requests.filter((r) => r.seq > since && r.path === "/v1/chat/completions");
const lastSeq = () => router.requests.at(-1)?.seq ?? 0;

async function until(check: () => boolean, ms = 2_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("proxyChat", () => {
  it("reports a header-building failure as a bad token (401), never as a network failure", async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.reject(new TypeError("Cannot convert argument to a ByteString because the character at index 10")),
    );
    const response = await run(["huggingface/Qwen/Qwen3-8B", "huggingface/deepseek-ai/DeepSeek-R1"], { fetchImpl });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("token_invalid");
    expect(body.error.message).not.toMatch(/could not be reached|network/);
    // Every candidate would fail alike: no fallback.
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("streams the router's answer through as it arrives, with routing headers", async () => {
    const since = lastSeq();
    const response = await run(["huggingface/Qwen/Qwen3-8B:novita"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(response.headers.get("x-inference-provider")).toBe("novita");
    expect(response.headers.get("x-fallback-attempts")).toBe("0");
    const { chunks, text } = await readTimed(response);
    const events = dataEvents(text);
    expect(events.at(-1)).toBe("[DONE]");
    expect(events.length).toBeGreaterThan(10);
    // Unbuffered: chunks came in over the stream's lifetime, not all at the end.
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThan(100);
    const [sent] = chatRequests(since);
    expect(sent?.model).toBe("Qwen/Qwen3-8B:novita");
    expect(sent?.auth).toBe("valid");
  });

  it("passes unknown OpenAI fields through and drops `models`", async () => {
    const since = lastSeq();
    const response = await run(["huggingface/Qwen/Qwen3-8B"], {
      body: { messages, stream: false, models: ["x/y"], seed: 7, temperature: 0.2 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: "chat.completion" });
    expect(chatRequests(since)[0]?.body).toEqual({
      model: "Qwen/Qwen3-8B",
      messages,
      stream: false,
      seed: 7,
      temperature: 0.2,
    });
  });

  it("falls back after a 503 and says so in the headers", async () => {
    const response = await run(["huggingface/fault/status-503", "huggingface/Qwen/Qwen3-8B"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B");
    expect(response.headers.get("x-fallback-attempts")).toBe("1");
    expect(response.headers.get("x-fallback-errors")).toBe("huggingface/fault/status-503=503");
    await response.body?.cancel();
  });

  it.each(["status-400", "status-401"])("does not fall back after %s", async (fault) => {
    const since = lastSeq();
    const response = await run([`huggingface/fault/${fault}`, "huggingface/Qwen/Qwen3-8B"]);
    expect(response.status).toBe(Number(fault.slice(-3)));
    expect(chatRequests(since)).toHaveLength(1);
    const body = (await response.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toMatch(/invalid_request_error|authentication_error/);
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });

  it("maps a lone 429 and passes retry-after through", async () => {
    const response = await run(["huggingface/fault/status-429"]);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-fallback-attempts")).toBe("0");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limit_exceeded");
    expect(body.error.message).toContain("Rate limit reached");
  });

  it("summarises every failure when all candidates fail", async () => {
    const response = await run(["huggingface/fault/status-503", "huggingface/fault/status-402"]);
    expect(response.status).toBe(402);
    expect(response.headers.get("x-fallback-errors")).toBe(
      "huggingface/fault/status-503=503, huggingface/fault/status-402=402",
    );
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^All 2 candidate models failed/);
  });

  it("gives up on a hang after the first-byte timeout, aborts it, and falls back", async () => {
    const since = lastSeq();
    // The hang never answers: reaching the fallback at all (before the test's own timeout) shows it gave up.
    const response = await run(["huggingface/fault/hang", "huggingface/Qwen/Qwen3-8B"], { firstByteTimeoutMs: 300 });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-fallback-errors")).toBe("huggingface/fault/hang=timeout");
    await response.body?.cancel();
    await until(() => chatRequests(since)[0]?.aborted === true);
  });

  it("answers 504 when the only candidate hangs", async () => {
    const response = await run(["huggingface/fault/hang"], { firstByteTimeoutMs: 200 });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("upstream_timeout");
  });

  it("falls back on a malformed plain answer", async () => {
    const response = await run(["huggingface/fault/malformed", "huggingface/Qwen/Qwen3-8B"], { stream: false });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-fallback-errors")).toBe("huggingface/fault/malformed=bad-response");
  });

  it("ends a stream cut mid-answer with an OpenAI error event, never half an event", async () => {
    const response = await run(["huggingface/fault/drop", "huggingface/Qwen/Qwen3-8B"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-model-ref")).toBe("huggingface/fault/drop");
    const { text } = await readTimed(response);
    const events = dataEvents(text);
    const last = JSON.parse(events.at(-1)!) as { error: { code: string } };
    expect(last.error.code).toBe("stream_interrupted");
    for (const event of events) expect(() => JSON.parse(event)).not.toThrow();
  });

  it("answers 502 when the router is unreachable", async () => {
    const response = await run(["huggingface/Qwen/Qwen3-8B"], { routerUrl: "http://127.0.0.1:9/v1" });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("upstream_unreachable");
  });

  it("aborts the upstream request when the client goes away mid-stream", async () => {
    const since = lastSeq();
    const client = new AbortController();
    const response = await run(["huggingface/Qwen/Qwen3-8B"], { signal: client.signal });
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    await reader.cancel().catch(() => undefined);
    await until(() => chatRequests(since)[0]?.aborted === true);
    expect(chatRequests(since)).toHaveLength(1);
  });

  it("does not try the next candidate when the client went away before the first byte", async () => {
    const since = lastSeq();
    const client = new AbortController();
    const pending = run(["huggingface/fault/hang", "huggingface/Qwen/Qwen3-8B"], {
      signal: client.signal,
      firstByteTimeoutMs: 5_000,
    });
    await until(() => chatRequests(since).length === 1);
    client.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    await until(() => chatRequests(since)[0]?.aborted === true);
    expect(chatRequests(since)).toHaveLength(1);
  });
});
