import { afterEach, describe, expect, it, vi } from "vitest";
import { chatDelta, sseStream } from "@/test/sse";
import { streamChat } from "./chat-stream";

const body = { model: "default", messages: [{ role: "user" as const, content: "hi" }] };

function mockFetch(response: Response | Error) {
  const fn = vi.fn(async (_url: string, init?: RequestInit) => {
    if (response instanceof Error) throw response;
    void init;
    return response;
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe("streamChat", () => {
  it("reads routing headers, streamed text, reasoning and usage", async () => {
    const fetch = mockFetch(
      new Response(
        sseStream(
          [
            chatDelta({ role: "assistant", content: "" }),
            chatDelta({ reasoning_content: "hmm" }),
            chatDelta({ content: "Hel" }),
            chatDelta({ content: "lo" }, "stop"),
            { choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } },
            "[DONE]",
          ],
          { split: true },
        ),
        {
          headers: {
            "x-model-ref": "huggingface/a/b",
            "x-inference-provider": "together",
            "x-fallback-attempts": "1",
            "x-fallback-errors": "huggingface/c/d=503",
          },
        },
      ),
    );
    const routing = vi.fn();
    const progress = vi.fn();
    let clock = 0;
    const outcome = await streamChat({
      body,
      signal: new AbortController().signal,
      onRouting: routing,
      onProgress: progress,
      now: () => (clock += 10),
    });

    expect(routing).toHaveBeenCalledWith({
      ref: "huggingface/a/b",
      provider: "together",
      fallbackAttempts: 1,
      fallbackErrors: "huggingface/c/d=503",
    });
    expect(outcome.kind).toBe("done");
    expect(outcome.progress).toMatchObject({
      content: "Hello",
      reasoning: "hmm",
      usage: { promptTokens: 3, completionTokens: 4 },
      finishReason: "stop",
    });
    expect(outcome.timings.firstTokenMs).toBeGreaterThan(0);
    expect(progress).toHaveBeenCalled();
    const sent = JSON.parse(String(fetch.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;
    expect(sent).toMatchObject({ model: "default", stream: true, stream_options: { include_usage: true } });
    // The usage ledger labels these requests as the playground's.
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>)["x-hf-picker-client"]).toBe("playground");
  });

  it("sends the dashboard key only when given", async () => {
    const fetch = mockFetch(new Response(sseStream(["[DONE]"])));
    await streamChat({ body, signal: new AbortController().signal, apiKey: "k1" });
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>).authorization).toBe("Bearer k1");
  });

  it("turns an error answer into the gateway's message, status and code", async () => {
    mockFetch(
      Response.json(
        { error: { message: "out of credits", type: "insufficient_quota", code: "insufficient_credits" } },
        { status: 402 },
      ),
    );
    const outcome = await streamChat({ body, signal: new AbortController().signal });
    expect(outcome).toMatchObject({
      kind: "error",
      error: { message: "out of credits", status: 402, code: "insufficient_credits" },
    });
  });

  it("keeps the text so far when the stream ends with an error event", async () => {
    mockFetch(
      new Response(
        sseStream([chatDelta({ content: "Part" }), { error: { message: "broke off", code: "stream_interrupted" } }]),
      ),
    );
    const outcome = await streamChat({ body, signal: new AbortController().signal });
    expect(outcome).toMatchObject({
      kind: "error",
      progress: { content: "Part" },
      error: { message: "broke off", code: "stream_interrupted" },
    });
  });

  it("reports malformed data", async () => {
    mockFetch(new Response(sseStream([chatDelta({ content: "a" }), "{not json"])));
    expect(await streamChat({ body, signal: new AbortController().signal })).toMatchObject({
      kind: "error",
      error: { code: "malformed_chunk" },
    });
  });

  it("says stopped, not failed, when the user aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    mockFetch(new DOMException("aborted", "AbortError"));
    expect((await streamChat({ body, signal: controller.signal })).kind).toBe("stopped");
  });

  it("says when the dashboard is unreachable", async () => {
    mockFetch(new TypeError("fetch failed"));
    const outcome = await streamChat({ body, signal: new AbortController().signal });
    expect(outcome.error?.message).toMatch(/not reachable/);
  });
});
