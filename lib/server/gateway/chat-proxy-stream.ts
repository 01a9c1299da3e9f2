import "server-only";
import type { UpstreamReader } from "./upstream-http";

const LF = 10;
const CR = 13;
/** Past this, bytes without an event boundary are sent anyway: never hold an answer back. */
const MAX_HELD_BYTES = 64 * 1024;

/** Index just after the last SSE event boundary (a blank line: LF LF, LF CR LF, CR CR), or 0. */
export function afterLastEventBoundary(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 1; i--) {
    const b = bytes[i];
    const prev = bytes[i - 1];
    if (b === LF && (prev === LF || (prev === CR && bytes[i - 2] === LF))) return i + 1;
    if (b === CR && prev === CR) return i + 1;
  }
  return 0;
}

/** Two byte arrays as one (the first returned as is when empty). */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

export interface PassThroughOptions {
  first: Uint8Array;
  reader: UpstreamReader;
  /** True for `text/event-stream`: whole events are forwarded, so a cut never leaves half an event. */
  sse: boolean;
  /** Aborts the upstream request (the client went away). */
  abortUpstream: () => void;
  /** The SSE event sent when the router's stream breaks off mid-answer. */
  interruptedEvent: () => string;
  onEnd?: (how: "done" | "interrupted" | "cancelled", error?: unknown) => void;
  /**
   * Sees every piece before it is sent (whole events, for SSE) and may change it (the usage
   * chunk the client did not ask for is taken out); an empty result sends nothing.
   */
  rewrite?: (piece: Uint8Array) => Uint8Array;
}

const EMPTY = new Uint8Array(0);

/**
 * The router's stream, forwarded chunk by chunk as it arrives (pull-based, nothing queued ahead
 * of the client). Only a partial SSE event at a chunk's end waits for the rest of that event.
 */
export function passThrough(options: PassThroughOptions): ReadableStream<Uint8Array> {
  const { reader, sse } = options;
  const encoder = new TextEncoder();
  let held = EMPTY;
  let ended = false;

  /** Enqueues a piece (after `rewrite`); false when nothing was left to send. */
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, piece: Uint8Array): boolean => {
    const out = options.rewrite ? options.rewrite(piece) : piece;
    if (out.byteLength === 0) return false;
    controller.enqueue(out);
    return true;
  };

  const forward = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array): boolean => {
    if (!sse) return send(controller, chunk);
    const bytes = concat(held, chunk);
    const cut = bytes.byteLength > MAX_HELD_BYTES ? bytes.byteLength : afterLastEventBoundary(bytes);
    // Whole events (the usual case) leave nothing held, and need no new array for that.
    held = cut === bytes.byteLength ? EMPTY : bytes.slice(cut);
    if (cut === 0) return false;
    return send(controller, bytes.subarray(0, cut));
  };

  const end = (how: "done" | "interrupted" | "cancelled", error?: unknown) => {
    if (ended) return;
    ended = true;
    options.onEnd?.(how, error);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        forward(controller, options.first);
      },
      async pull(controller) {
        // Keep reading until something could be sent, so the client never waits on a held fragment alone.
        for (;;) {
          let result: ReadableStreamReadResult<Uint8Array>;
          try {
            result = await reader.read();
          } catch (error) {
            if (ended) return; // cancelled by the client meanwhile: the stream is gone
            end("interrupted", error);
            if (!sse) return controller.error(error);
            // A half event is dropped: the error event must parse on its own.
            controller.enqueue(encoder.encode(options.interruptedEvent()));
            controller.close();
            return;
          }
          if (ended) return;
          if (result.done) {
            if (held.byteLength > 0) send(controller, held);
            controller.close();
            end("done");
            return;
          }
          if (forward(controller, result.value)) return;
        }
      },
      cancel(reason) {
        end("cancelled", reason);
        options.abortUpstream();
        return reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
