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
  /**
   * False when `rewrite` surely leaves this piece as it is: the piece is then sent first and shown
   * to `rewrite` after, so the client's bytes never wait for the bookkeeping.
   */
  mayRewrite?: (piece: Uint8Array) => boolean;
}

const EMPTY = new Uint8Array(0);

/** Where forwarded pieces go: a web stream's controller, or a Node response (node-answer.ts). */
export interface ForwardSink {
  enqueue(piece: Uint8Array): void;
  close(): void;
  error(error: unknown): void;
}

/** The forwarding of one answer, independent of what it is written to. */
export interface Forwarder {
  /** Sends the bytes already read (the first event). */
  start(sink: ForwardSink): void;
  /** Reads on until something was sent, or the stream ended (then the sink is closed). */
  pull(sink: ForwardSink): Promise<void>;
  /** The client went away: stops reading and aborts the upstream request. */
  cancel(reason?: unknown): Promise<void>;
}

/**
 * The router's stream, forwarded chunk by chunk as it arrives (pull-based, nothing read ahead of
 * the client). Only a partial SSE event at a chunk's end waits for the rest of that event.
 */
export function forwarder(options: PassThroughOptions): Forwarder {
  const { reader, sse } = options;
  let held = EMPTY;
  let ended = false;

  /** Sends a piece (after `rewrite`); false when nothing was left to send. */
  const send = (sink: ForwardSink, piece: Uint8Array): boolean => {
    if (options.rewrite && options.mayRewrite?.(piece) === false && piece.byteLength > 0) {
      sink.enqueue(piece);
      options.rewrite(piece);
      return true;
    }
    const out = options.rewrite ? options.rewrite(piece) : piece;
    if (out.byteLength === 0) return false;
    sink.enqueue(out);
    return true;
  };

  const forward = (sink: ForwardSink, chunk: Uint8Array): boolean => {
    if (!sse) return send(sink, chunk);
    const bytes = concat(held, chunk);
    const cut = bytes.byteLength > MAX_HELD_BYTES ? bytes.byteLength : afterLastEventBoundary(bytes);
    // Whole events (the usual case) leave nothing held, and need no new array for that.
    held = cut === bytes.byteLength ? EMPTY : bytes.slice(cut);
    if (cut === 0) return false;
    return send(sink, bytes.subarray(0, cut));
  };

  const end = (how: "done" | "interrupted" | "cancelled", error?: unknown) => {
    if (ended) return;
    ended = true;
    options.onEnd?.(how, error);
  };

  return {
    start(sink) {
      forward(sink, options.first);
    },
    async pull(sink) {
      // Keep reading until something could be sent, so the client never waits on a held fragment alone.
      for (;;) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          if (ended) return; // cancelled by the client meanwhile: the stream is gone
          end("interrupted", error);
          if (!sse) return sink.error(error);
          // A half event is dropped: the error event must parse on its own.
          sink.enqueue(new TextEncoder().encode(options.interruptedEvent()));
          sink.close();
          return;
        }
        if (ended) return;
        if (result.done) {
          if (held.byteLength > 0) send(sink, held);
          sink.close();
          end("done");
          return;
        }
        if (forward(sink, result.value)) return;
      }
    },
    cancel(reason) {
      end("cancelled", reason);
      options.abortUpstream();
      return reader.cancel(reason).catch(() => undefined);
    },
  };
}

/** The forwarded stream as a web stream. */
export function passThrough(options: PassThroughOptions): ReadableStream<Uint8Array> {
  return webStream(forwarder(options));
}

/** A forwarding as a web stream (the body of a `Response`). */
export function webStream(forwarding: Forwarder): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => forwarding.start(controller),
      pull: (controller) => forwarding.pull(controller),
      cancel: (reason) => forwarding.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
