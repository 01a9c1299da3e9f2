import "server-only";
import { outcomeLabel, type AttemptOutcome } from "@/lib/chat/fallback-decision";
import { HF_NEW_TOKEN_URL } from "@/lib/hf-urls";

/** OpenAI's error shape, so OpenAI SDKs raise their usual typed errors. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

export interface GatewayError {
  status: number;
  body: OpenAIErrorBody;
  headers: Record<string, string>;
}

export function gatewayError(
  status: number,
  type: string,
  code: string,
  message: string,
  options: { param?: string; headers?: Record<string, string> } = {},
): GatewayError {
  return {
    status,
    body: { error: { message, type, code, param: options.param ?? null } },
    headers: options.headers ?? {},
  };
}

export function gatewayErrorResponse(error: GatewayError, headers: Record<string, string> = {}): Response {
  return Response.json(error.body, { status: error.status, headers: { ...error.headers, ...headers } });
}

/** Masks anything token-like (HF tokens, bearer values): used for what is shown and what is logged. */
export function maskSecrets(text: string): string {
  return text.replace(/hf_[A-Za-z0-9]{4,}/g, "hf_…").replace(/Bearer\s+\S+/gi, "Bearer …");
}

const MAX_DETAIL = 200;

/**
 * The router's own error message, short and safe to show: both `{"error":{"message"}}` and
 * `{"error":"text"}` shapes, or plain text; anything token-like is masked.
 */
export function upstreamDetail(raw: string | undefined): string | null {
  if (!raw) return null;
  let text = raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    const error =
      (parsed as { error?: unknown; message?: unknown } | null)?.error ?? (parsed as { message?: unknown })?.message;
    if (typeof error === "string") text = error;
    else if (error && typeof (error as { message?: unknown }).message === "string")
      text = (error as { message: string }).message;
  } catch {
    // Not JSON: an HTML error page from a proxy says nothing useful.
    if (/^\s*</.test(raw)) return null;
  }
  const clean = maskSecrets(text)
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean === "") return null;
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean;
}

export interface FailureContext {
  ref: string;
  /** The router's answer body (error statuses only). */
  upstreamText?: string;
  retryAfter?: string | null;
  /** The limit that applied: the first-byte timeout, or for a `body` timeout the body's. */
  timeoutMs: number;
  /** The client asked for a stream (words the bad-response message). */
  stream?: boolean;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

const withDetail = (message: string, detail: string | null) => (detail ? `${message} Router said: ${detail}` : message);

/** Maps how an attempt failed to the status and message the client gets. */
export function mapFailure(outcome: AttemptOutcome, context: FailureContext): GatewayError {
  const { ref } = context;
  const detail = upstreamDetail(context.upstreamText);
  switch (outcome.kind) {
    case "timeout":
      return gatewayError(
        504,
        "api_error",
        "upstream_timeout",
        outcome.phase === "body"
          ? `${ref}: the router's answer did not arrive whole within ${seconds(context.timeoutMs)} s.`
          : `${ref}: the router sent nothing within ${seconds(context.timeoutMs)} s.`,
      );
    case "network":
      return gatewayError(
        502,
        "api_error",
        "upstream_unreachable",
        `${ref}: the Hugging Face router could not be reached (network error).`,
      );
    case "bad-response":
      return gatewayError(
        502,
        "api_error",
        "upstream_bad_response",
        `${ref}: the router answered, but not with ${context.stream ? "an event stream of JSON" : "valid JSON"}.`,
      );
    case "interrupted":
      return gatewayError(
        502,
        "api_error",
        "stream_interrupted",
        `${ref}: the router's answer broke off before it was complete.`,
      );
    case "bad-token":
      return badTokenError();
    case "client-aborted":
      return gatewayError(499, "api_error", "client_closed_request", "The client closed the request.");
    case "after-first-byte":
      return gatewayError(502, "api_error", "stream_interrupted", `${ref}: the answer broke off mid-stream.`);
    case "status":
      return mapStatus(outcome.status, ref, detail, context.retryAfter ?? null);
  }
}

function mapStatus(status: number, ref: string, detail: string | null, retryAfter: string | null): GatewayError {
  const retry = retryAfter ? { "retry-after": retryAfter } : undefined;
  switch (status) {
    case 400:
      return gatewayError(
        400,
        "invalid_request_error",
        "upstream_bad_request",
        withDetail(`${ref}: the router refused the request.`, detail),
      );
    case 401:
      return gatewayError(
        401,
        "authentication_error",
        "token_rejected",
        `Hugging Face rejected the token: it needs a fine-grained token with 'Make calls to Inference Providers' permission (create one at ${HF_NEW_TOKEN_URL}, then save it on the Settings page).`,
      );
    case 402:
      return gatewayError(
        402,
        "insufficient_quota",
        "insufficient_credits",
        withDetail(
          `${ref}: out of Inference Providers credits on this Hugging Face account (add credits or a payment method in your HF billing settings).`,
          detail,
        ),
      );
    case 403:
      return gatewayError(
        403,
        "permission_error",
        "upstream_forbidden",
        withDetail(`${ref}: the token may not use this model or provider.`, detail),
      );
    case 404:
      return gatewayError(
        404,
        "invalid_request_error",
        "model_not_found",
        withDetail(`${ref}: the model is unknown to the router or not served by that provider.`, detail),
      );
    case 408:
      return gatewayError(504, "api_error", "upstream_timeout", withDetail(`${ref}: the provider timed out.`, detail));
    case 429:
      return gatewayError(
        429,
        "rate_limit_error",
        "rate_limit_exceeded",
        withDetail(`${ref}: rate limited by Hugging Face; try again later.`, detail),
        { headers: retry },
      );
    case 503:
      return gatewayError(
        503,
        "server_error",
        "provider_unavailable",
        withDetail(`${ref}: the provider is temporarily unavailable or overloaded.`, detail),
        { headers: retry },
      );
  }
  if (status >= 500) {
    return gatewayError(
      502,
      "server_error",
      "upstream_error",
      withDetail(`${ref}: the provider failed (HTTP ${status}).`, detail),
    );
  }
  return gatewayError(
    status >= 400 ? status : 502,
    "invalid_request_error",
    "upstream_error",
    withDetail(`${ref}: the router answered HTTP ${status}.`, detail),
  );
}

/** One line for the client when every candidate failed: which refs and how, then the last error. */
export function summariseFailures(
  failures: readonly { ref: string; outcome: AttemptOutcome }[],
  last: GatewayError,
): GatewayError {
  if (failures.length <= 1) return last;
  const list = failures.map((f) => `${f.ref} (${outcomeLabel(f.outcome)})`).join(", ");
  const message = `All ${failures.length} candidate models failed: ${list}. Last error: ${last.body.error.message}`;
  return { ...last, body: { error: { ...last.body.error, message } } };
}

/** The saved token holds characters an HTTP header cannot carry: the router was never asked. */
export function badTokenError(problem?: string): GatewayError {
  const why = problem ? ` ${problem}` : "";
  return gatewayError(
    401,
    "authentication_error",
    "token_invalid",
    `The saved Hugging Face token cannot be sent to the router, so nothing was sent.${why} Replace the token on the dashboard's Settings page.`,
  );
}

export function noTokenError(): GatewayError {
  return gatewayError(
    401,
    "authentication_error",
    "no_token",
    `No Hugging Face token is set: add one on the dashboard's Settings page, or set HF_TOKEN in the dashboard's environment (create a fine-grained token with 'Make calls to Inference Providers' at ${HF_NEW_TOKEN_URL}).`,
  );
}
