import "server-only";
import type { ParsedEvent } from "@/lib/chat/stream-meter";
import { afterLastEventBoundary, concat } from "./chat-proxy-stream";
import type { UpstreamReader } from "./upstream-http";

/** A router that sends no whole event in this many bytes is not sending an event stream. */
const MAX_HEAD_BYTES = 64 * 1024;

export type StreamHead =
  | {
      ok: true;
      bytes: Uint8Array;
      /** The first data event as parsed here (none when it is `[DONE]`): the usage meter does not parse it again. */
      first?: ParsedEvent;
    }
  | { ok: false; why: string; bytes: Uint8Array };

/** The `data:` payload of one SSE event, or null for an event without data (a comment, a keep-alive). */
function dataOf(event: string): string | null {
  const lines = event.split(/\r\n|\r|\n/).filter((line) => line.startsWith("data:"));
  if (lines.length === 0) return null;
  return lines.map((line) => line.slice(line.startsWith("data: ") ? 6 : 5)).join("\n");
}

/**
 * `{ ok }` when the first data event is `[DONE]` or JSON (with what it parsed to); otherwise why not.
 * Undefined: no data event yet.
 */
function judge(text: string): { ok: true; first?: ParsedEvent } | { ok: false; why: string } | undefined {
  for (const event of text.split(/\r\n\r\n|\n\n|\r\r/)) {
    const data = dataOf(event);
    if (data === null) continue;
    if (data === "[DONE]") return { ok: true };
    try {
      return { ok: true, first: { data, json: JSON.parse(data) as unknown } };
    } catch {
      return { ok: false, why: "its first event is not JSON" };
    }
  }
  return undefined;
}

const DATA_PREFIX = Buffer.from("data: ");

/**
 * The usual first event, read without decoding the rest of the bytes: a single `data: {…}` line at
 * the very start, ending in a blank line. Anything else (comments, keep-alives, CR line ends,
 * multi-line data, `[DONE]`, data that is not JSON) is left to judge(), which says why not.
 */
function usualFirstEvent(bytes: Uint8Array): ParsedEvent | null {
  if (bytes.byteLength < DATA_PREFIX.length + 3) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.compare(DATA_PREFIX, 0, DATA_PREFIX.length, 0, DATA_PREFIX.length) !== 0) return null;
  const end = buffer.indexOf("\n\n");
  if (end === -1) return null;
  const data = buffer.toString("utf8", DATA_PREFIX.length, end);
  if (data.charCodeAt(0) !== 0x7b || data.includes("\n") || data.includes("\r")) return null;
  try {
    return { data, json: JSON.parse(data) as unknown };
  } catch {
    return null;
  }
}

/**
 * Reads a streamed answer up to its first data event and checks that it parses, before the gateway
 * commits to the client: a 200 whose body is no event stream can still fall back (README, "How the
 * gateway chooses and falls back"). Returns every byte read, to be forwarded first.
 */
export async function readStreamHead(reader: UpstreamReader): Promise<StreamHead> {
  // Only for a first event that is not the usual one (usualFirstEvent() decodes none).
  let decoder: TextDecoder | null = null;
  let bytes: Uint8Array = new Uint8Array(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: false, why: bytes.byteLength === 0 ? "an empty body" : "no whole event", bytes };
    bytes = concat(bytes, value);
    const usual = usualFirstEvent(bytes);
    if (usual) return { ok: true, bytes, first: usual };
    decoder ??= new TextDecoder();
    const verdict = judge(decoder.decode(bytes.subarray(0, afterLastEventBoundary(bytes))));
    if (verdict?.ok) return { ok: true, bytes, first: verdict.first };
    if (verdict) return { ok: false, why: verdict.why, bytes };
    if (bytes.byteLength > MAX_HEAD_BYTES) return { ok: false, why: "no event in its first 64 KB", bytes };
  }
}
