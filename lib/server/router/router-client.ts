import "server-only";
import type { LiveModel } from "@/lib/catalog/catalog-merge";
import { isHeaderValueError, tokenProblem } from "@/lib/settings/token-rules";
import { serverEnv } from "@/lib/server/env";
import { routerModelListSchema, type RouterModel } from "./router-schema";

export type RouterFailure =
  | "unauthorized"
  | "forbidden"
  | "payment_required"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "http_error"
  | "timeout"
  | "unreachable"
  | "bad_response"
  | "bad_token";

const MESSAGES: Record<RouterFailure, string> = {
  unauthorized:
    "The router rejected the token (401): it needs a fine-grained token with “Make calls to Inference Providers”.",
  forbidden: "The token may not do this (403): it needs the “Make calls to Inference Providers” permission.",
  payment_required: "The Hugging Face account is out of credits (402).",
  not_found: "The router does not know this path or model (404).",
  rate_limited: "The router is rate limiting requests (429); try again shortly.",
  server_error: "The router had a server error",
  http_error: "The router answered with an unexpected status",
  timeout: "The router did not answer in time.",
  unreachable: "The router is not reachable (no network, or HF_ROUTER_URL is wrong).",
  bad_response: "The router's answer could not be read as a model list.",
  bad_token:
    "The saved token cannot be sent to the router: it holds characters no token has (perhaps the mask hf_…x7Qz was pasted). Replace it on the Settings page.",
};

/** A classified failure talking to the router; `message` is safe to show, the raw detail is only logged. */
export class RouterError extends Error {
  constructor(
    readonly kind: RouterFailure,
    readonly status?: number,
    readonly detail?: string,
  ) {
    super(
      status && (kind === "server_error" || kind === "http_error") ? `${MESSAGES[kind]} (${status}).` : MESSAGES[kind],
    );
    this.name = "RouterError";
  }
}

export function classifyStatus(status: number): RouterFailure {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 402) return "payment_required";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  return status >= 500 ? "server_error" : "http_error";
}

/**
 * GET/POST on the router with a timeout; network failures and timeouts become RouterError. A token
 * that cannot go in a header is a `bad_token`, never "unreachable": the router was not even asked.
 */
export async function routerFetch(
  path: string,
  init: RequestInit & { token?: string | null; timeoutMs?: number } = {},
): Promise<Response> {
  const env = serverEnv();
  const { token, timeoutMs = env.ROUTER_TIMEOUT_MS, signal, ...rest } = init;
  if (token && tokenProblem(token)) throw new RouterError("bad_token");
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const headers = new Headers(rest.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    return await fetch(`${env.HF_ROUTER_URL}${path}`, {
      ...rest,
      headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (isHeaderValueError(error)) throw new RouterError("bad_token");
    if (timeout.aborted) throw new RouterError("timeout");
    if (signal?.aborted) throw error;
    throw new RouterError(
      "unreachable",
      undefined,
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error),
    );
  }
}

function toLiveModel(model: RouterModel): LiveModel {
  return {
    id: model.id,
    ownedBy: model.owned_by,
    apiName: model.name ?? model.title ?? model.display_name,
    input: model.architecture?.input_modalities,
    providers: model.providers.map((p) => ({
      provider: p.provider,
      status: p.status === "live" ? "live" : "error",
      contextLength: p.context_length,
      pricing: p.pricing,
      isFree: p.is_free,
      supportsTools: p.supports_tools,
      supportsStructuredOutput: p.supports_structured_output,
      firstTokenLatencyMs: p.first_token_latency_ms,
      throughput: p.throughput,
      isModelAuthor: p.is_model_author,
    })),
  };
}

/** Parses a `/v1/models` body; tolerant of missing and unknown fields (see router-schema.ts). */
export function parseModelList(body: unknown): LiveModel[] {
  const parsed = routerModelListSchema.safeParse(body);
  if (!parsed.success) throw new RouterError("bad_response", undefined, parsed.error.message.slice(0, 300));
  return parsed.data.data.map(toLiveModel);
}

/** The live model list. Throws RouterError. */
export async function fetchLiveModels(token: string | null, signal?: AbortSignal): Promise<LiveModel[]> {
  const response = await routerFetch("/models", { token, signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const detail = await response.text().catch(() => "");
    throw new RouterError(classifyStatus(response.status), response.status, detail.slice(0, 300));
  }
  const body: unknown = await response.json().catch(() => {
    throw new RouterError("bad_response", response.status, "body is not JSON");
  });
  return parseModelList(body);
}
