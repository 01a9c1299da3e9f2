import { describe, expect, it, vi } from "vitest";
import { createStreamMeter, meterJson } from "./stream-meter";

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ object: "chat.completion.chunk", choices: [{ index: 0, delta }], ...extra })}\n\n`;
const usageChunk = `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 34, total_tokens: 46 } })}\n\n`;
const done = "data: [DONE]\n\n";

function clock() {
  let t = 0;
  return () => ++t;
}

describe("createStreamMeter", () => {
  it("notes the first text, counts text and reads the usage chunk, passing everything on when asked for", () => {
    const meter = createStreamMeter({ stripUsage: false, now: clock() });
    expect(meter.push(chunk({ role: "assistant", content: "" }))).toBeNull();
    expect(meter.push(chunk({ reasoning_content: "hmm" }) + chunk({ content: "Hello" }))).toBeNull();
    expect(meter.push(usageChunk + done)).toBeNull();
    expect(meter.result()).toEqual({
      firstTextAt: 1,
      usage: { promptTokens: 12, completionTokens: 34 },
      textChunks: 2,
      done: true,
      streamError: false,
    });
  });

  it("takes the first event as the first-event check parsed it, without parsing it again", () => {
    const first = { object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: "Hi" } }] };
    const data = JSON.stringify(first);
    const parse = vi.spyOn(JSON, "parse");
    const meter = createStreamMeter({ stripUsage: true, now: clock(), parsed: { data, json: first } });
    const out = meter.push(`data: ${data}\n\n`);
    const parses = parse.mock.calls.length;
    parse.mockRestore();
    expect(out).toBeNull();
    expect(parses).toBe(0);
    expect(meter.push(usageChunk + done)).toBe(done);
    expect(meter.result()).toMatchObject({ firstTextAt: 1, textChunks: 1, usage: { promptTokens: 12 } });
  });

  it("drops the usage chunk when the client did not ask for it, and keeps the rest byte for byte", () => {
    const meter = createStreamMeter({ stripUsage: true, now: clock() });
    const text = chunk({ content: "Hi" }, { id: "x" });
    expect(meter.push(text)).toBeNull();
    expect(meter.push(chunk({}, { finish: 1 }) + usageChunk + done)).toBe(chunk({}, { finish: 1 }) + done);
    expect(meter.result().usage).toEqual({ promptTokens: 12, completionTokens: 34 });
  });

  it("removes only the usage field when a provider puts it on a chunk with choices", () => {
    const meter = createStreamMeter({ stripUsage: true, now: clock() });
    const last = chunk({ content: "!" }, { usage: { prompt_tokens: 1, completion_tokens: 2 } });
    expect(meter.push(last)).toBe(chunk({ content: "!" }));
    expect(meter.result()).toMatchObject({ usage: { promptTokens: 1, completionTokens: 2 }, textChunks: 1 });
  });

  it("counts text chunks after the first without missing usage or errors on the fast path", () => {
    const meter = createStreamMeter({ stripUsage: true, now: clock() });
    meter.push(chunk({ content: "a" }) + chunk({ content: "" }) + chunk({ reasoning: "b" }) + chunk({ content: '"x' }));
    expect(meter.push(usageChunk)).toBe("");
    meter.push(`data: ${JSON.stringify({ error: { message: "late" } })}\n\n`);
    expect(meter.result()).toMatchObject({ textChunks: 3, usage: { completionTokens: 34 }, streamError: true });
  });

  it("follows events split across pieces and CRLF line endings, and notes error events", () => {
    const meter = createStreamMeter({ stripUsage: true, now: clock() });
    const crlf = chunk({ content: "abc" }).replace(/\n/g, "\r\n");
    expect(meter.push(crlf.slice(0, 10))).toBeNull();
    expect(meter.push(crlf.slice(10))).toBeNull();
    expect(meter.push('data: {"error":{"message":"cut"}}\n\n')).toBeNull();
    expect(meter.result()).toMatchObject({ textChunks: 1, streamError: true, done: false, usage: null });
  });

  it("ignores comments, malformed data and chunks that are not chat chunks", () => {
    const meter = createStreamMeter({ stripUsage: true, now: clock() });
    expect(meter.push(": keep-alive\n\ndata: {not json\n\ndata: 42\n\n")).toBeNull();
    expect(meter.result()).toMatchObject({ firstTextAt: null, textChunks: 0 });
  });
});

describe("meterJson", () => {
  it("reads usage and the answer's length from a whole answer", () => {
    const body = JSON.stringify({
      choices: [{ message: { content: "Hello there", reasoning_content: "think" } }],
      usage: { prompt_tokens: 5, completion_tokens: 7 },
    });
    expect(meterJson(body)).toEqual({ usage: { promptTokens: 5, completionTokens: 7 }, textChars: 16 });
    expect(meterJson(JSON.stringify({ choices: [{ message: { content: "abcd" } }] }))).toEqual({
      usage: null,
      textChars: 4,
    });
    expect(meterJson("not json")).toEqual({ usage: null, textChars: 0 });
  });
});
