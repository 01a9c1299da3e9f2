import "server-only";
import type { AttemptOutcome } from "@/lib/chat/fallback-decision";
import type { ParsedEvent } from "@/lib/chat/stream-meter";
import { LightAbort, type AbortLike } from "@/lib/server/http/light-abort";
import { isHeaderValueError } from "@/lib/settings/token-rules";
import { readStreamHead } from "./chat-proxy-first-event";
import { fromResponse, upstreamFetch, type UpstreamAnswer, type UpstreamReader } from "./upstream-http";

export interface AttemptInput {
  url: string;
  token: string;
  body: Record<string, unknown>;
  stream: boolean;
  /** The client's request signal: its abort aborts the upstream request too. */
  clientSignal: AbortLike;
  /** Until the answer's headers and, for a stream, its first event are in hand. */
  timeoutMs: number;
  /** Plain answers, once the headers are in: the whole body must arrive within this (default `timeoutMs`). */
  bodyTimeoutMs?: number;
  /** Default upstream-http.ts (node:http with keep-alive); tests pass their own `fetch`. */
  fetchImpl?: typeof fetch;
}

export type AttemptResult =
  | {
      ok: true;
      upstream: UpstreamAnswer;
      /** Streams: the bytes read up to the first event, already checked (the rest is still in `reader`). */
      first?: Uint8Array;
      /** Streams: the first data event as the check parsed it. */
      firstEvent?: ParsedEvent;
      reader?: UpstreamReader;
      /** Plain answers: the whole body, checked to be JSON. */
      text?: string;
      /** Aborts the upstream request (the client stopped reading). */
      abort: () => void;
    }
  | {
      ok: false;
      outcome: AttemptOutcome;
      status?: number;
      upstreamText?: string;
      retryAfter?: string | null;
      provider?: string | null;
    };

/** Error bodies are short; a proxy's endless HTML page is not read to the end. */
const MAX_ERROR_BYTES = 8 * 1024;

/** A plain answer is buffered (to check it is JSON before answering), so it is bounded too. */
export const MAX_PLAIN_BYTES = 32 * 1024 * 1024;

/** Up to `limit` bytes of a body, and whether there was more. */
async function readCapped(response: UpstreamAnswer, limit: number): Promise<{ text: string; whole: boolean }> {
  const reader = response.body;
  if (!reader) return { text: "", whole: true };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString("utf8"), whole: true };
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) break;
  }
  await reader.cancel().catch(() => undefined);
  return { text: Buffer.concat(chunks).toString("utf8").slice(0, limit), whole: false };
}

/**
 * One request to the router. Succeeds only once the headers of a 2xx answer and, for a stream, its
 * first event (checked to be an event stream of JSON) are in hand; until then nothing has reached the
 * client, so a failure can still fall back to the next candidate.
 *
 * The client's abort reaches the upstream request through one listener, removed when the attempt or
 * its stream ends. (Not `AbortSignal.any`: on Node 20 every composite signal that fetch listens to
 * stays reachable, with the answer it belonged to, so the server grew with every aborted stream.)
 */
export async function attemptChat(input: AttemptInput): Promise<AttemptResult> {
  // A real AbortController only for a caller's own fetch; the gateway's requests take a LightAbort.
  const fetchAbort = input.fetchImpl ? new AbortController() : null;
  const controller = fetchAbort ?? new LightAbort();
  let timedOut: "first-byte" | "body" | null = null;
  let headersIn = false;
  const giveUp = (phase: "first-byte" | "body") => () => {
    timedOut = phase;
    controller.abort(new Error(`${phase} timeout`));
  };
  let timer = setTimeout(giveUp("first-byte"), input.timeoutMs);
  const onClientAbort = () => controller.abort(input.clientSignal.reason);
  input.clientSignal.addEventListener("abort", onClientAbort, { once: true });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    input.clientSignal.removeEventListener("abort", onClientAbort);
  };
  const abort = () => {
    controller.abort(new Error("client stopped reading"));
    release();
  };
  // A stream handed on keeps the listener until it ends; everything else releases it on the way out.
  let handedOn = false;

  const fail = (error: unknown): AttemptResult => {
    if (input.clientSignal.aborted) return { ok: false, outcome: { kind: "client-aborted" } };
    // Building the Authorization header failed: a bad token, not a network failure.
    if (isHeaderValueError(error)) return { ok: false, outcome: { kind: "bad-token" } };
    if (timedOut) return { ok: false, outcome: { kind: "timeout", phase: timedOut } };
    const detail = error instanceof Error ? String(error.cause ?? error.message) : undefined;
    // The router answered, then its body broke off: an interrupted answer, not an unreachable router.
    if (headersIn) return { ok: false, outcome: { kind: "interrupted" }, upstreamText: detail };
    return { ok: false, outcome: { kind: "network" }, upstreamText: detail };
  };

  if (input.clientSignal.aborted) {
    release();
    return { ok: false, outcome: { kind: "client-aborted" } };
  }
  try {
    const init = {
      method: "POST" as const,
      headers: {
        authorization: `Bearer ${input.token}`,
        "content-type": "application/json",
        accept: input.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(input.body),
      signal: controller.signal,
    };
    const upstream =
      input.fetchImpl && fetchAbort
        ? fromResponse(await input.fetchImpl(input.url, { ...init, signal: fetchAbort.signal }))
        : await upstreamFetch(input.url, init);
    headersIn = true;
    const provider = upstream.header("x-inference-provider");
    if (!upstream.ok) {
      const { text: upstreamText } = await readCapped(upstream, MAX_ERROR_BYTES).catch(() => ({ text: "" }));
      return {
        ok: false,
        outcome: { kind: "status", status: upstream.status },
        status: upstream.status,
        upstreamText,
        retryAfter: upstream.header("retry-after"),
        provider,
      };
    }
    if (!upstream.body) return { ok: false, outcome: { kind: "bad-response" }, provider };

    if (input.stream) {
      const type = upstream.header("content-type") ?? "";
      if (!type.includes("text/event-stream")) {
        await upstream.body.cancel().catch(() => undefined);
        return { ok: false, outcome: { kind: "bad-response" }, upstreamText: `a ${type || "untyped"} body`, provider };
      }
      const reader = upstream.body;
      const head = await readStreamHead(reader);
      if (!head.ok) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, outcome: { kind: "bad-response" }, upstreamText: head.why, provider };
      }
      // From here a stream runs as long as it needs; only the client's abort still reaches upstream.
      clearTimeout(timer);
      handedOn = true;
      // Settles when the stream is read to its end, breaks off, or is cancelled.
      reader.closed.then(release, release);
      return { ok: true, upstream, first: head.bytes, firstEvent: head.first, reader, abort };
    }

    clearTimeout(timer);
    timer = setTimeout(giveUp("body"), input.bodyTimeoutMs ?? input.timeoutMs);
    const { text, whole } = await readCapped(upstream, MAX_PLAIN_BYTES);
    if (!whole) return { ok: false, outcome: { kind: "bad-response" }, upstreamText: "a body over 32 MB", provider };
    try {
      JSON.parse(text);
    } catch {
      return { ok: false, outcome: { kind: "bad-response" }, upstreamText: text.slice(0, 200), provider };
    }
    return { ok: true, upstream, text, abort };
  } catch (error) {
    return fail(error);
  } finally {
    if (!handedOn) release();
  }
}
