import "server-only";
import type { AttemptOutcome } from "@/lib/chat/fallback-decision";
import { isHeaderValueError } from "@/lib/settings/token-rules";

export interface AttemptInput {
  url: string;
  token: string;
  body: Record<string, unknown>;
  stream: boolean;
  /** The client's request signal: its abort aborts the upstream request too. */
  clientSignal: AbortSignal;
  /** Streams: until the first body byte. Plain answers: until the whole answer. */
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export type AttemptResult =
  | {
      ok: true;
      upstream: Response;
      /** Streams: the first body chunk, already read (the rest is still in `reader`). */
      first?: Uint8Array;
      reader?: ReadableStreamDefaultReader<Uint8Array>;
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

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_ERROR_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString("utf8").slice(0, MAX_ERROR_BYTES);
}

/**
 * One request to the router. Succeeds only once the first byte of a 2xx answer is in hand, so
 * until then a failure can still fall back to the next candidate without the client noticing.
 */
export async function attemptChat(input: AttemptInput): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("first-byte timeout"));
  }, input.timeoutMs);
  const signal = AbortSignal.any([input.clientSignal, controller.signal]);
  const abort = () => controller.abort(new Error("client stopped reading"));
  const fail = (error: unknown): AttemptResult => {
    if (input.clientSignal.aborted) return { ok: false, outcome: { kind: "client-aborted" } };
    // Building the Authorization header failed: a bad token, not a network failure.
    if (isHeaderValueError(error)) return { ok: false, outcome: { kind: "bad-token" } };
    if (timedOut) return { ok: false, outcome: { kind: "timeout" } };
    return {
      ok: false,
      outcome: { kind: "network" },
      upstreamText: error instanceof Error ? String(error.cause ?? error.message) : undefined,
    };
  };

  try {
    const upstream = await (input.fetchImpl ?? fetch)(input.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${input.token}`,
        "content-type": "application/json",
        accept: input.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(input.body),
      signal,
    });
    const provider = upstream.headers.get("x-inference-provider");
    if (!upstream.ok) {
      const upstreamText = await readCapped(upstream).catch(() => "");
      return {
        ok: false,
        outcome: { kind: "status", status: upstream.status },
        status: upstream.status,
        upstreamText,
        retryAfter: upstream.headers.get("retry-after"),
        provider,
      };
    }
    if (!upstream.body) return { ok: false, outcome: { kind: "bad-response" }, provider };

    if (input.stream) {
      const reader = upstream.body.getReader();
      const first = await reader.read();
      if (first.done || first.value.byteLength === 0) return { ok: false, outcome: { kind: "bad-response" }, provider };
      return { ok: true, upstream, first: first.value, reader, abort };
    }
    const text = await upstream.text();
    try {
      JSON.parse(text);
    } catch {
      return { ok: false, outcome: { kind: "bad-response" }, upstreamText: text.slice(0, 200), provider };
    }
    return { ok: true, upstream, text, abort };
  } catch (error) {
    return fail(error);
  } finally {
    clearTimeout(timer);
  }
}
