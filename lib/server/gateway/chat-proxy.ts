import "server-only";
import { outcomeLabel, shouldFallback, type AttemptOutcome } from "@/lib/chat/fallback-decision";
import { upstreamModelId } from "@/lib/refs";
import { attemptChat, type AttemptResult } from "./chat-proxy-attempt";
import { upstreamBody, type GatewayChatBody } from "./chat-proxy-schema";
import { passThrough } from "./chat-proxy-stream";
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
  signal: AbortSignal;
  /** Time allowed until the answer's headers (and a stream's first event); a stream then has no limit. */
  firstByteTimeoutMs: number;
  /** Plain answers, once the headers are in: time allowed for the rest of the body. */
  plainTimeoutMs: number;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
}

interface Failure {
  ref: string;
  outcome: AttemptOutcome;
}

/**
 * Headers telling the client how the answer was reached; refs only, never a secret.
 * `x-fallback-attempts` counts how often the gateway moved on to the next candidate.
 */
function routingHeaders(
  ref: string | null,
  failures: readonly Failure[],
  provider: string | null,
): Record<string, string> {
  const moves = ref ? failures.length : Math.max(0, failures.length - 1);
  const headers: Record<string, string> = { "x-fallback-attempts": String(moves) };
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

function answer(
  result: Extract<AttemptResult, { ok: true }>,
  ref: string,
  failures: readonly Failure[],
  input: ProxyChatInput,
): Response {
  const { upstream } = result;
  const headers = {
    "content-type":
      upstream.headers.get("content-type") ?? (input.body.stream ? "text/event-stream" : "application/json"),
    "cache-control": "no-cache, no-transform",
    ...routingHeaders(ref, failures, upstream.headers.get("x-inference-provider")),
  };
  if (result.text !== undefined || !result.reader || !result.first) {
    return new Response(result.text ?? "", { status: upstream.status, headers });
  }
  const started = Date.now();
  const stream = passThrough({
    first: result.first,
    reader: result.reader,
    sse: headers["content-type"].includes("text/event-stream"),
    abortUpstream: result.abort,
    interruptedEvent: () => interruptedEvent(ref),
    onEnd: (how, error) => {
      if (how === "done") return;
      const why =
        input.signal.aborted || how === "cancelled" ? "client went away" : `upstream broke off (${String(error)})`;
      input.log?.(`[gateway] ${ref}: stream ended after ${Date.now() - started} ms: ${why}`);
    },
  });
  // Reverse proxies (nginx) would otherwise buffer the stream.
  return new Response(stream, { status: upstream.status, headers: { ...headers, "x-accel-buffering": "no" } });
}

/**
 * Sends the chat request to each candidate in turn until one answers, then streams that answer
 * through. Everything before the first byte may fall back; nothing after (docs/ARCHITECTURE.md,
 * "A proxied chat").
 */
export async function proxyChat(input: ProxyChatInput): Promise<Response> {
  const stream = input.body.stream === true;
  const failures: Failure[] = [];
  let last: GatewayError | null = null;

  for (const ref of input.candidates) {
    const result = await attemptChat({
      url: `${input.routerUrl}/chat/completions`,
      token: input.token,
      body: upstreamBody(input.body, upstreamModelId(ref)),
      stream,
      clientSignal: input.signal,
      timeoutMs: input.firstByteTimeoutMs,
      bodyTimeoutMs: input.plainTimeoutMs,
      fetchImpl: input.fetchImpl,
    });
    if (result.ok) return answer(result, ref, failures, input);

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
  return gatewayErrorResponse(error, routingHeaders(null, failures, null));
}
