// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chatDelta, openSseStream, sseStream } from "@/test/sse";
import { type SendInput, usePlaygroundChat } from "./use-playground-chat";

type Answer = (signal: AbortSignal) => Response;

/** The gateway's chat route: each request gets the next scripted answer; the sent bodies are kept. */
function fakeGateway(...answers: Answer[]) {
  const requests: Array<{ body: Record<string, unknown>; signal: AbortSignal }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url !== "/api/v1/chat/completions") throw new Error(`unexpected request: ${url}`);
      const signal = init.signal ?? new AbortController().signal;
      requests.push({ body: JSON.parse(String(init.body)) as Record<string, unknown>, signal });
      const answer = answers[requests.length - 1];
      if (!answer) throw new Error("no answer scripted for this request");
      return answer(signal);
    }),
  );
  return requests;
}

const ROUTED = { "x-model-ref": "huggingface/Qwen/Qwen3-8B", "x-inference-provider": "novita" };
const hello: Answer = () =>
  new Response(
    sseStream([
      chatDelta({ content: "Hel" }),
      chatDelta({ content: "lo" }, "stop"),
      { choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } },
      "[DONE]",
    ]),
    { headers: ROUTED },
  );

function input(prompt: string, models: string[] = ["default"]): SendInput {
  return { prompt, system: "Be brief.", models, params: { temperature: 0.2 } };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("usePlaygroundChat", () => {
  it("sending streams the reply into the column, with who answered and the usage", async () => {
    const requests = fakeGateway(hello);
    const { result } = renderHook(() => usePlaygroundChat(1));

    act(() => result.current.send(input("  Hi  ")));

    expect(result.current.running).toBe(true);
    expect(result.current.columns[0]).toMatchObject([{ user: "Hi", reply: { model: "default" } }]);
    await waitFor(() => expect(result.current.columns[0]?.[0]?.reply.status).toBe("done"));
    expect(result.current.columns[0]?.[0]?.reply).toMatchObject({
      content: "Hello",
      routing: { ref: "huggingface/Qwen/Qwen3-8B", provider: "novita" },
      usage: { promptTokens: 3, completionTokens: 2 },
      error: null,
    });
    expect(result.current.running).toBe(false);
    expect(requests[0]?.body).toMatchObject({
      model: "default",
      stream: true,
      temperature: 0.2,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
    });
  });

  it("the next prompt carries the earlier turn; compare mode asks both columns' models", async () => {
    const requests = fakeGateway(hello, hello, hello);
    const { result, rerender } = renderHook(({ columns }) => usePlaygroundChat(columns), {
      initialProps: { columns: 1 },
    });
    act(() => result.current.send(input("Hi")));
    await waitFor(() => expect(result.current.running).toBe(false));

    rerender({ columns: 2 });
    act(() => result.current.send(input("And you?", ["default", "huggingface/a/b"])));
    await waitFor(() => expect(result.current.running).toBe(false));

    expect(requests.map((r) => r.body.model)).toEqual(["default", "default", "huggingface/a/b"]);
    expect(requests[1]?.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello" },
      { role: "user", content: "And you?" },
    ]);
    // The second column has no history of its own yet.
    expect(requests[2]?.body.messages).toHaveLength(2);
    expect(result.current.columns.map((turns) => turns.length)).toEqual([2, 1]);
  });

  it("stop aborts the request and keeps the text so far", async () => {
    const requests = fakeGateway((signal) => new Response(openSseStream([chatDelta({ content: "Hel" })], signal)));
    const { result } = renderHook(() => usePlaygroundChat(1));
    act(() => result.current.send(input("Hi")));
    await waitFor(() => expect(result.current.columns[0]?.[0]?.reply).toMatchObject({ status: "streaming" }));
    expect(result.current.columns[0]?.[0]?.reply.content).toBe("Hel");

    act(() => result.current.stop());

    expect(requests[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(result.current.columns[0]?.[0]?.reply.status).toBe("stopped"));
    expect(result.current.columns[0]?.[0]?.reply).toMatchObject({ content: "Hel", error: null });
    expect(result.current.running).toBe(false);
  });

  it("an error answer becomes the reply's error", async () => {
    fakeGateway(() =>
      Response.json(
        { error: { message: "Out of credits.", type: "insufficient_quota", code: "insufficient_credits" } },
        { status: 402 },
      ),
    );
    const { result } = renderHook(() => usePlaygroundChat(1));

    act(() => result.current.send(input("Hi")));

    await waitFor(() => expect(result.current.columns[0]?.[0]?.reply.status).toBe("error"));
    expect(result.current.columns[0]?.[0]?.reply.error).toEqual({
      message: "Out of credits.",
      status: 402,
      code: "insufficient_credits",
    });
    expect(result.current.running).toBe(false);
  });

  it("sends nothing for a blank prompt", () => {
    const requests = fakeGateway();
    const { result } = renderHook(() => usePlaygroundChat(1));
    act(() => result.current.send(input("   ")));
    expect(requests).toEqual([]);
    expect(result.current.columns).toEqual([[], []]);
  });
});
