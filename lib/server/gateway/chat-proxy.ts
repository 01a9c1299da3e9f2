import "server-only";
import { outcomeLabel, shouldFallback, type AttemptOutcome } from "@/lib/chat/fallback-decision";
import { createStreamMeter, meterJson } from "@/lib/chat/stream-meter";
import { estimateTokens } from "@/lib/chat/usage-cost";
import { upstreamModelId } from "@/lib/refs";
import type { AbortLike } from "@/lib/server/http/light-abort";
import type { LedgerAttempt } from "@/lib/server/ledger/ledger-insert";
import { attemptChat, type AttemptResult } from "./chat-proxy-attempt";
import { meteredRewrite, meterMayChange, type ProxyOutcome } from "./chat-proxy-outcome";
import { upstreamBody, type GatewayChatBody } from "./chat-proxy-schema";
import { forwarder, webStream, type Forwarder } from "./chat-proxy-stream";
import {
  gatewayError,
  gatewayErrorResponse,
  mapFailure,
  maskSecrets,
  summariseFailures,
  type GatewayError,
} from "./upstream-errors";

export interface ProxyChatInput {
  /** Refs to try, in order (see model-resolution.ts). */
  candidates: readonly string[];
  body: GatewayChatBody;
  token: string;
  /** e.g. https://router.huggingface.co/v1 */
  routerUrl: string;
  /** The client's request signal. */
  signal: AbortLike;
  /** Time allowed until the answer's headers (and a stream's first event); a stream then has no limit. */
  firstByteTimeoutMs: number;
  /** Plain answers, once the headers are in: time allowed for the rest of the body. */
  plainTimeoutMs: number;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
  /** When the request arrived (ms, `now()`'s clock): timings in the outcome count from here. */
  startedAt?: number;
  now?: () => number;
  /** Called once when the answer has ended (after the last byte of a stream): the usage ledger. */
  onFinished?: (outcome: ProxyOutcome) => void;
}

interface Failure {
  ref: string;
  outcome: AttemptOutcome;
}

/** Tells the ledger how the request ended; a failure there never reaches the client. */
function finish(input: ProxyChatInput, outcome: ProxyOutcome): void {
  try {
    input.onFinished?.(outcome);
  } catch (error) {
    input.log?.(`[gateway] recording the request failed: ${String(error)}`);
  }
}

/** Moves to another candidate (what `x-fallback-attempts` counts). */
const fallbackMoves = (answered: boolean, failures: readonly Failure[]) =>
  answered ? failures.length : Math.max(0, failures.length - 1);

/**
 * Headers telling the client how the answer was reached; refs only, never a secret.
 * `x-fallback-attempts` counts how often the gateway moved on to the next candidate.
 */
function routingHeaders(
  ref: string | null,
  failures: readonly Failure[],
  provider: string | null,
): Record<string, string> {
  const headers: Record<string, string> = { "x-fallback-attempts": String(fallbackMoves(ref !== null, failures)) };
  if (ref) headers["x-model-ref"] = ref;
  if (failures.length > 0)
    headers["x-fallback-errors"] = failures.map((f) => `${f.ref}=${outcomeLabel(f.outcome)}`).join(", ");
  if (provider) headers["x-inference-provider"] = provider;
  return headers;
}

function interruptedEvent(ref: string): string {
  const error = mapFailure({ kind: "after-first-byte" }, { ref, timeoutMs: 0 });
  return `data: ${JSON.stringify(error.body)}\n\n`;
}

/**
 * A streamed answer, not yet written anywhere: as a `Response` (answerResponse) or straight to
 * Node's response by the Pages API route (node-answer.ts), with no web stream between.
 */
export interface StreamAnswer {
  status: number;
  headers: Record<string, string>;
  forwarder: Forwarder;
}

/** What the gateway answers: a `Response` (errors, plain answers) or a stream to forward. */
export type ChatAnswer = Response | StreamAnswer;

/** Any answer as a `Response`. */
export function answerResponse(answer: ChatAnswer): Response {
  if (answer instanceof Response) return answer;
  return new Response(webStream(answer.forwarder), { status: answer.status, headers: answer.headers });
}

function answer(
  result: Extract<AttemptResult, { ok: true }>,
  ref: string,
  failures: readonly Failure[],
  attempts: LedgerAttempt[],
  input: ProxyChatInput,
): ChatAnswer {
  const { upstream } = result;
  const now = input.now ?? Date.now;
  const startedAt = input.startedAt ?? now();
  const provider = upstream.header("x-inference-provider");
  const headers = {
    "content-type": upstream.header("content-type") ?? (input.body.stream ? "text/event-stream" : "application/json"),
    "cache-control": "no-cache, no-transform",
    ...routingHeaders(ref, failures, provider),
  };
  const outcome = (fields: Partial<ProxyOutcome>): ProxyOutcome => ({
    ref,
    provider,
    status: upstream.status,
    errorCode: null,
    stream: input.body.stream === true,
    fallbackAttempts: fallbackMoves(true, failures),
    ttftMs: null,
    totalMs: now() - startedAt,
    usage: null,
    answerTokens: 0,
    attempts,
    ...fields,
  });
  if (result.text !== undefined || !result.reader || !result.first) {
    const metered = meterJson(result.text ?? "");
    finish(input, outcome({ usage: metered.usage, answerTokens: estimateTokens(metered.textChars) }));
    return new Response(result.text ?? "", { status: upstream.status, headers });
  }
  const sse = headers["content-type"].includes("text/event-stream");
  // The gateway asked for usage; a client that did not gets the stream it expects, without it.
  const stripUsage = !clientAskedForUsage(input.body);
  const meter = createStreamMeter({ stripUsage, now, parsed: result.firstEvent });
  const forwarding = forwarder({
    first: result.first,
    reader: result.reader,
    sse,
    abortUpstream: result.abort,
    interruptedEvent: () => interruptedEvent(ref),
    // Without a listener (benchmarks) nothing is measured, and the router was not asked for usage.
    rewrite: sse && input.onFinished ? meteredRewrite(meter) : undefined,
    mayRewrite: meterMayChange(stripUsage),
    onEnd: (how, error) => {
      const metered = meter.result();
      const cancelled = input.signal.aborted || how === "cancelled";
      finish(
        input,
        outcome({
          errorCode:
            how === "done"
              ? metered.streamError
                ? "upstream_stream_error"
                : null
              : cancelled
                ? "client_closed_request"
                : "stream_interrupted",
          ttftMs: metered.firstTextAt === null ? null : metered.firstTextAt - startedAt,
          usage: metered.usage,
          answerTokens: metered.textChunks,
        }),
      );
      if (how === "done") return;
      const why = cancelled ? "client went away" : `upstream broke off (${String(error)})`;
      input.log?.(`[gateway] ${ref}: stream ended after ${now() - startedAt} ms: ${why}`);
    },
  });
  // Reverse proxies (nginx) would otherwise buffer the stream.
  return { status: upstream.status, headers: { ...headers, "x-accel-buffering": "no" }, forwarder: forwarding };
}

function clientAskedForUsage(body: GatewayChatBody): boolean {
  const options = (body as { stream_options?: unknown }).stream_options;
  return (options as { include_usage?: unknown } | null | undefined)?.include_usage === true;
}

/**
 * Sends the chat request to each candidate in turn until one answers, then streams that answer
 * through. Everything before the first byte may fall back; nothing after (docs/ARCHITECTURE.md,
 * "A proxied chat").
 */
export async function proxyChat(input: ProxyChatInput): Promise<Response> {
  return answerResponse(await proxyChatAnswer(input));
}

/** proxyChat()'s answer before it is made a `Response`: what the chat routes write to Node's response. */
export async function proxyChatAnswer(input: ProxyChatInput): Promise<ChatAnswer> {
  const stream = input.body.stream === true;
  const now = input.now ?? Date.now;
  const startedAt = input.startedAt ?? now();
  const failures: Failure[] = [];
  const attempts: LedgerAttempt[] = [];
  let last: GatewayError | null = null;
  let lastProvider: string | null = null;

  for (const ref of input.candidates) {
    const attemptStarted = now();
    const result = await attemptChat({
      url: `${input.routerUrl}/chat/completions`,
      token: input.token,
      body: upstreamBody(input.body, upstreamModelId(ref), { askForUsage: input.onFinished !== undefined }),
      stream,
      clientSignal: input.signal,
      timeoutMs: input.firstByteTimeoutMs,
      bodyTimeoutMs: input.plainTimeoutMs,
      fetchImpl: input.fetchImpl,
    });
    const ms = now() - attemptStarted;
    if (result.ok) {
      const provider = result.upstream.header("x-inference-provider");
      attempts.push({ ref, provider, status: result.upstream.status, outcome: "ok", ms });
      return answer(result, ref, failures, attempts, { ...input, startedAt, now });
    }
    lastProvider = result.provider ?? null;
    attempts.push({
      ref,
      provider: lastProvider,
      status: result.status ?? null,
      outcome: outcomeLabel(result.outcome),
      ms,
    });

    const bodyTimeout = result.outcome.kind === "timeout" && result.outcome.phase === "body";
    last = mapFailure(result.outcome, {
      ref,
      upstreamText: result.upstreamText,
      retryAfter: result.retryAfter,
      timeoutMs: bodyTimeout ? input.plainTimeoutMs : input.firstByteTimeoutMs,
      stream,
    });
    if (result.outcome.kind === "client-aborted") {
      input.log?.(`[gateway] ${ref}: client went away before the answer started`);
      finish(input, failedOutcome(ref, lastProvider, last, failures, attempts, stream, now() - startedAt));
      return gatewayErrorResponse(last, routingHeaders(null, failures, null));
    }
    // The raw router text goes to the log only; the client gets the mapped, sanitised message.
    const detail = result.upstreamText ? ` ${maskSecrets(result.upstreamText.slice(0, 500))}` : "";
    input.log?.(`[gateway] ${ref}: ${outcomeLabel(result.outcome)}${detail}`);
    failures.push({ ref, outcome: result.outcome });
    if (!shouldFallback(result.outcome)) break;
  }

  const error = last
    ? summariseFailures(failures, last)
    : gatewayError(400, "invalid_request_error", "invalid_model", "No model to try.");
  const lastRef = attempts.at(-1)?.ref ?? null;
  finish(input, failedOutcome(lastRef, lastProvider, error, failures, attempts, stream, now() - startedAt));
  return gatewayErrorResponse(error, routingHeaders(null, failures, null));
}

function failedOutcome(
  ref: string | null,
  provider: string | null,
  error: GatewayError,
  failures: readonly Failure[],
  attempts: LedgerAttempt[],
  stream: boolean,
  totalMs: number,
): ProxyOutcome {
  return {
    ref,
    provider,
    status: error.status,
    errorCode: error.body.error.code,
    stream,
    fallbackAttempts: fallbackMoves(false, failures),
    ttftMs: null,
    totalMs,
    usage: null,
    answerTokens: 0,
    attempts,
  };
}
