import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { proxyChat, type ProxyChatInput } from "./chat-proxy";
import type { ProxyOutcome } from "./chat-proxy-outcome";

const TOKEN = "hf_fake_unit_token_1234";
let router: FakeRouter;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 5 });
});
afterAll(() => router.close());

const messages = [{ role: "user", content: "Hello there" }];

/** Runs one request and collects the outcome the ledger would record. */
function run(candidates: string[], overrides: Partial<ProxyChatInput> = {}) {
  const outcomes: ProxyOutcome[] = [];
  const response = proxyChat({
    candidates,
    body: { messages, stream: true },
    token: TOKEN,
    routerUrl: router.url,
    signal: new AbortController().signal,
    firstByteTimeoutMs: 2_000,
    plainTimeoutMs: 2_000,
    onFinished: (outcome) => outcomes.push(outcome),
    ...overrides,
  });
  return { response, outcomes };
}

const dataEvents = (text: string) =>
  text
    .split("\n\n")
    .filter((e) => e.startsWith("data: "))
    .map((e) => e.slice(6));
const usageEvents = (text: string) => dataEvents(text).filter((e) => e.includes('"usage"'));
const lastChatBody = () => router.requests.filter((r) => r.path === "/v1/chat/completions").at(-1)?.body;

describe("proxyChat and the usage ledger", () => {
  it("asks the router for usage on a stream and takes the usage chunk out for a client that did not ask", async () => {
    const { response, outcomes } = run(["huggingface/Qwen/Qwen3-8B:novita"]);
    const text = await (await response).text();
    expect(lastChatBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(usageEvents(text)).toEqual([]);
    expect(dataEvents(text).at(-1)).toBe("[DONE]");
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      ref: "huggingface/Qwen/Qwen3-8B:novita",
      provider: "novita",
      status: 200,
      errorCode: null,
      stream: true,
      fallbackAttempts: 0,
      usage: { promptTokens: expect.any(Number), completionTokens: expect.any(Number) },
      attempts: [{ ref: "huggingface/Qwen/Qwen3-8B:novita", provider: "novita", status: 200, outcome: "ok" }],
    });
    expect(outcomes[0]?.ttftMs).toBeGreaterThanOrEqual(0);
    expect(outcomes[0]?.totalMs).toBeGreaterThanOrEqual(outcomes[0]?.ttftMs ?? 0);
  });

  it("passes the usage chunk on to a client that asked for it", async () => {
    const { response, outcomes } = run(["huggingface/Qwen/Qwen3-8B"], {
      body: { messages, stream: true, stream_options: { include_usage: true } },
    });
    const usage = usageEvents(await (await response).text());
    expect(usage).toHaveLength(1);
    const reported = (JSON.parse(usage[0]!) as { usage: { completion_tokens: number } }).usage;
    expect(outcomes[0]?.usage?.completionTokens).toBe(reported.completion_tokens);
  });

  it("records only after the stream's last byte", async () => {
    const { response, outcomes } = run(["huggingface/Qwen/Qwen3-8B"]);
    const reader = (await response).body!.getReader();
    await reader.read();
    expect(outcomes).toHaveLength(0);
    while (!(await reader.read()).done);
    expect(outcomes).toHaveLength(1);
  });

  it("records fallback attempts with the ref and provider that answered", async () => {
    const { response, outcomes } = run(["huggingface/fault/status-503", "huggingface/Qwen/Qwen3-8B:novita"]);
    await (await response).text();
    expect(outcomes[0]).toMatchObject({
      ref: "huggingface/Qwen/Qwen3-8B:novita",
      provider: "novita",
      fallbackAttempts: 1,
      attempts: [
        { ref: "huggingface/fault/status-503", status: 503, outcome: "503" },
        { ref: "huggingface/Qwen/Qwen3-8B:novita", status: 200, outcome: "ok" },
      ],
    });
  });

  it("records a request where every candidate failed, with the error the client got", async () => {
    const { response, outcomes } = run(["huggingface/fault/status-503", "huggingface/fault/status-402"]);
    expect((await response).status).toBe(402);
    expect(outcomes[0]).toMatchObject({
      ref: "huggingface/fault/status-402",
      status: 402,
      errorCode: "insufficient_credits",
      fallbackAttempts: 1,
      usage: null,
      ttftMs: null,
    });
    expect(outcomes[0]?.attempts).toHaveLength(2);
  });

  it("reads usage from a plain answer", async () => {
    const { response, outcomes } = run(["huggingface/Qwen/Qwen3-8B"], { body: { messages, stream: false } });
    const body = (await (await response).json()) as { usage: { prompt_tokens: number } };
    expect(lastChatBody()).not.toHaveProperty("stream_options");
    expect(outcomes[0]).toMatchObject({
      stream: false,
      ttftMs: null,
      usage: { promptTokens: body.usage.prompt_tokens },
    });
  });

  it("records a stream cut mid-answer and one the client stopped, with the text that passed", async () => {
    const cut = run(["huggingface/fault/drop"]);
    await (await cut.response).text();
    expect(cut.outcomes[0]).toMatchObject({ errorCode: "stream_interrupted", usage: null });

    const client = new AbortController();
    const stopped = run(["huggingface/Qwen/Qwen3-8B"], { signal: client.signal });
    const reader = (await stopped.response).body!.getReader();
    let text = "";
    while (!text.includes('"content":"You')) text += new TextDecoder().decode((await reader.read()).value);
    client.abort();
    await reader.cancel();
    expect(stopped.outcomes[0]).toMatchObject({ errorCode: "client_closed_request", usage: null });
    expect(stopped.outcomes[0]?.answerTokens).toBeGreaterThan(0);
  });

  it("answers even when recording throws", async () => {
    const { response } = run(["huggingface/Qwen/Qwen3-8B"], {
      onFinished: () => {
        throw new Error("disk on fire");
      },
      log: () => undefined,
    });
    const text = await (await response).text();
    expect(dataEvents(text).at(-1)).toBe("[DONE]");
  });
});
