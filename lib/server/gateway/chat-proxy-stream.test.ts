import { describe, expect, it, vi } from "vitest";
import { meterMayChange } from "./chat-proxy-outcome";
import { afterLastEventBoundary, forwarder, passThrough } from "./chat-proxy-stream";

const enc = new TextEncoder();
const dec = new TextDecoder();

describe("afterLastEventBoundary", () => {
  it.each([
    ["data: a\n\ndata: b", 9],
    ["data: a\r\n\r\ndata: b\r\n\r\n", 22],
    ["data: a\r\rdata", 9],
    ["data: a\n", 0],
    ["", 0],
  ])("%j -> %i", (text, index) => {
    expect(afterLastEventBoundary(enc.encode(text))).toBe(index);
  });
});

/** A reader over the given chunks; `fail` makes the last read reject like a dropped connection. */
function readerOf(chunks: string[], fail = false) {
  let i = 0;
  return {
    read: vi.fn(async () => {
      if (i < chunks.length) return { done: false as const, value: enc.encode(chunks[i++]) };
      if (fail) throw new TypeError("terminated");
      return { done: true as const, value: undefined };
    }),
    cancel: vi.fn(async () => undefined),
  } as unknown as ReadableStreamDefaultReader<Uint8Array> & { cancel: ReturnType<typeof vi.fn> };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(dec.decode(r.value));
  return out;
}

describe("passThrough", () => {
  const base = {
    abortUpstream: () => undefined,
    interruptedEvent: () => 'data: {"error":{"code":"stream_interrupted"}}\n\n',
  };

  it("forwards whole events, joining an event split across chunks", async () => {
    const reader = readerOf(['ta: {"b":1}\n', "\ndata: [DONE]\n\n"]);
    const out = await collect(passThrough({ ...base, first: enc.encode("data: {}\n\nda"), reader, sse: true }));
    expect(out).toEqual(["data: {}\n\n", 'data: {"b":1}\n\ndata: [DONE]\n\n']);
  });

  it("replaces a half event with an error event when the router drops the line", async () => {
    const reader = readerOf(['data: {"a"'], true);
    const out = await collect(passThrough({ ...base, first: enc.encode("data: {}\n\n"), reader, sse: true }));
    expect(out.join("")).toBe('data: {}\n\ndata: {"error":{"code":"stream_interrupted"}}\n\n');
  });

  it("lets `rewrite` change each piece, and sends nothing for a piece it empties", async () => {
    const reader = readerOf(['data: {"usage":1}\n\n', "data: [DONE]\n\n"]);
    const rewrite = (piece: Uint8Array) => (dec.decode(piece).includes("usage") ? new Uint8Array(0) : piece);
    const out = await collect(passThrough({ ...base, first: enc.encode("data: {}\n\n"), reader, sse: true, rewrite }));
    expect(out).toEqual(["data: {}\n\n", "data: [DONE]\n\n"]);
  });

  it("sends a piece `rewrite` cannot change before showing it to `rewrite`", async () => {
    const seen: string[] = [];
    const sink = {
      enqueue: (piece: Uint8Array) => seen.push(`sent ${dec.decode(piece)}`),
      close: () => undefined,
      error: () => undefined,
    };
    const forwarding = forwarder({
      ...base,
      first: enc.encode('data: {"usage":{"prompt_tokens":1}}\n\n'),
      reader: readerOf(["data: {}\n\n"]),
      sse: true,
      rewrite: (piece) => (seen.push(`read ${dec.decode(piece)}`), piece),
      mayRewrite: meterMayChange(true),
    });
    forwarding.start(sink);
    await forwarding.pull(sink);
    expect(seen).toEqual([
      'read data: {"usage":{"prompt_tokens":1}}\n\n',
      'sent data: {"usage":{"prompt_tokens":1}}\n\n',
      "sent data: {}\n\n",
      "read data: {}\n\n",
    ]);
    expect(meterMayChange(false)(enc.encode('{"prompt_tokens":1}'))).toBe(false);
  });

  it("sends bytes as they are when the answer is not SSE", async () => {
    const reader = readerOf(["lo"]);
    expect(await collect(passThrough({ ...base, first: enc.encode("hel"), reader, sse: false }))).toEqual([
      "hel",
      "lo",
    ]);
  });

  it("aborts the upstream request when the client cancels", async () => {
    const abortUpstream = vi.fn();
    const reader = readerOf(["data: x\n\n"]);
    const onEnd = vi.fn();
    const stream = passThrough({ ...base, abortUpstream, onEnd, first: enc.encode("data: {}\n\n"), reader, sse: true });
    await stream.cancel("bye");
    expect(abortUpstream).toHaveBeenCalled();
    expect(reader.cancel).toHaveBeenCalledWith("bye");
    expect(onEnd).toHaveBeenCalledWith("cancelled", "bye");
  });
});
