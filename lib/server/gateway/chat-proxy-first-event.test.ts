import { describe, expect, it } from "vitest";
import { readStreamHead } from "./chat-proxy-first-event";
import type { UpstreamReader } from "./upstream-http";

/** readStreamHead() over the given chunks. */
function headOf(...chunks: string[]) {
  const queue = chunks.map((chunk) => new TextEncoder().encode(chunk));
  const reader: UpstreamReader = {
    read: async () => {
      const value = queue.shift();
      return value ? { done: false, value } : { done: true, value: undefined };
    },
    cancel: async () => undefined,
    closed: Promise.resolve(),
  };
  return readStreamHead(reader);
}

describe("readStreamHead", () => {
  it("takes the usual first event, parsed, with every byte read", async () => {
    const head = await headOf('data: {"id":"1","choices":[]}\n\ndata: {"id":"2"}\n\n');
    expect(head).toMatchObject({
      ok: true,
      first: { data: '{"id":"1","choices":[]}', json: { id: "1", choices: [] } },
    });
    expect(new TextDecoder().decode(head.bytes)).toBe('data: {"id":"1","choices":[]}\n\ndata: {"id":"2"}\n\n');
  });

  it("reads on until the first event is whole", async () => {
    const head = await headOf("da", 'ta: {"a":', "1}\n", "\n");
    expect(head).toMatchObject({ ok: true, first: { json: { a: 1 } } });
  });

  it("judges the unusual ones too: comments first, CR line ends, [DONE], and says why not", async () => {
    expect(await headOf(': keep-alive\n\ndata: {"a":1}\n\n')).toMatchObject({ ok: true, first: { json: { a: 1 } } });
    expect(await headOf('data: {"a":1}\r\n\r\n')).toMatchObject({ ok: true, first: { json: { a: 1 } } });
    expect(await headOf("data: [DONE]\n\n")).toMatchObject({ ok: true });
    expect(await headOf("data: {nope\n\n")).toMatchObject({ ok: false, why: "its first event is not JSON" });
    expect(await headOf("<html>")).toMatchObject({ ok: false, why: "no whole event" });
    expect(await headOf()).toMatchObject({ ok: false, why: "an empty body" });
  });
});
