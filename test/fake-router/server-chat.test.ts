import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "./server";
import { chat, chunksOf, readSse, TEST_TOKEN } from "./test-helpers";

interface CompletionBody {
  object: string;
  model: string;
  choices: { message: { role: string; content: string; reasoning_content?: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

describe("fake router: chat completions", () => {
  let router: FakeRouter;
  beforeAll(async () => {
    router = await startFakeRouter({ token: TEST_TOKEN, chunkDelayMs: 0 });
  });
  afterAll(() => router.close());

  it("needs the right token", async () => {
    expect((await chat(router, { model: "Qwen/Qwen3-8B" }, {}, { token: null })).status).toBe(401);
    const wrong = await chat(router, { model: "Qwen/Qwen3-8B" }, {}, { token: "hf_wrong" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { message: "Invalid credentials in Authorization header" } });
  });

  it.each([
    ["deepseek-ai/DeepSeek-R1", "sambanova"],
    ["deepseek-ai/DeepSeek-R1:fastest", "sambanova"],
    ["deepseek-ai/DeepSeek-R1:cheapest", "novita"],
    ["deepseek-ai/DeepSeek-R1:preferred", "together"],
    ["deepseek-ai/DeepSeek-R1:together", "together"],
  ])("routes %s to %s and names it in x-inference-provider", async (model, provider) => {
    const res = await chat(router, { model });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-inference-provider")).toBe(provider);
    expect(router.requests.at(-1)).toMatchObject({ model, provider, auth: "valid" });
  });

  it("refuses an unknown or failing pinned provider with 400", async () => {
    for (const model of ["deepseek-ai/DeepSeek-R1:groq", "deepseek-ai/DeepSeek-R1:hyperbolic"]) {
      const res = await chat(router, { model });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; type: string } };
      expect(body.error.type).toBe("invalid_request_error");
      expect(body.error.message).toMatch(/provider (groq|hyperbolic)/);
    }
  });

  it("answers 404 with a string error for a model nobody serves", async () => {
    const res = await chat(router, { model: "moonshotai/Kimi-K2.5" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: "Model moonshotai/Kimi-K2.5 is not supported by any provider you have enabled.",
    });
  });

  it("answers 400 for a body without messages", async () => {
    expect((await chat(router, { model: "Qwen/Qwen3-8B", messages: [] })).status).toBe(400);
  });

  it("returns a chat.completion with usage and reasoning", async () => {
    const res = await chat(router, {
      model: "deepseek-ai/DeepSeek-R1",
      messages: [{ role: "user", content: "Explain routing please" }],
    });
    const body = (await res.json()) as CompletionBody;
    expect(body).toMatchObject({ object: "chat.completion", model: "deepseek-ai/DeepSeek-R1" });
    const choice = body.choices[0];
    expect(choice?.finish_reason).toBe("stop");
    expect(choice?.message.content).toContain('You asked: "Explain routing please"');
    expect(choice?.message.reasoning_content).toContain("The user wrote");
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it("streams role, word chunks, finish reason, usage and [DONE]", async () => {
    const model = "meta-llama/Llama-3.3-70B-Instruct";
    const res = await chat(router, { model, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("x-inference-provider")).toBe("cerebras");
    const { data, error } = await readSse(res);
    expect(error).toBeUndefined();
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = chunksOf(data);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === model)).toBe(true);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toContain("```js");
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(20);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(20);
    expect(router.requests.at(-1)).toMatchObject({ stream: true, completed: true, aborted: false, status: 200 });
  });

  it("sends no usage chunk unless asked", async () => {
    const chunks = chunksOf(
      (await readSse(await chat(router, { model: "Qwen/Qwen2.5-7B-Instruct", stream: true }))).data,
    );
    expect(chunks.some((c) => c.usage)).toBe(false);
  });

  it("streams reasoning_content before the content of reasoning models", async () => {
    const chunks = chunksOf((await readSse(await chat(router, { model: "Qwen/Qwen3-32B", stream: true }))).data);
    const firstReasoning = chunks.findIndex((c) => c.choices[0]?.delta.reasoning_content);
    const firstContent = chunks.findIndex((c) => c.choices[0]?.delta.content);
    expect(firstReasoning).toBeGreaterThan(0);
    expect(firstContent).toBeGreaterThan(firstReasoning);
  });

  it("puts <think> tags in the content for 'think' models or on request", async () => {
    for (const [model, headers] of [
      ["moonshotai/Kimi-K2-Thinking", {}],
      ["meta-llama/Llama-3.1-8B-Instruct", { "x-fake-reasoning": "think-tags" }],
    ] as const) {
      const chunks = chunksOf((await readSse(await chat(router, { model, stream: true }, headers))).data);
      expect(chunks.some((c) => c.choices[0]?.delta.reasoning_content)).toBe(false);
      expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toMatch(
        /^<think>\n[\s\S]+<\/think>\n\nYou asked/,
      );
    }
  });

  it("stops at max_tokens with finish_reason length", async () => {
    const chunks = chunksOf(
      (await readSse(await chat(router, { model: "Qwen/Qwen2.5-7B-Instruct", stream: true, max_tokens: 4 }))).data,
    );
    expect(chunks.filter((c) => c.choices[0]?.delta.content)).toHaveLength(4);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("length");
  });

  it("waits x-fake-chunk-delay-ms between chunks", async () => {
    const started = performance.now();
    await readSse(
      await chat(
        router,
        { model: "Qwen/Qwen2.5-7B-Instruct", stream: true, max_tokens: 5 },
        { "x-fake-chunk-delay-ms": "40" },
      ),
    );
    // role + 5 content + finish + [DONE] = 8 events, 7 pauses.
    expect(performance.now() - started).toBeGreaterThanOrEqual(7 * 40 - 10);
  });
});
