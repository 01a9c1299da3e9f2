import "server-only";
import type { LedgerClient } from "@/lib/usage/usage-types";
import type { IncomingRequest } from "@/lib/server/http/incoming-request";
import { cachedTokenNow } from "@/lib/server/token/token-cache";
import { tokenProblem } from "@/lib/settings/token-rules";
import type { ModelSettings } from "@/lib/model-names";
import { gatewayChatBodySchema, quickChatBody, type GatewayChatBody } from "./chat-proxy-schema";
import { proxyChatAnswer } from "./chat-proxy";
import { routingSettingsNow } from "./chat-proxy-settings";
import { requestRecorder } from "./gateway-ledger";
import { gatewayApiRoute } from "./gateway-api-route";
import type { GatewayAccess } from "./gateway-route";
import { resolveCandidates, type Resolution } from "./model-resolution";
import { badTokenError, gatewayError, noTokenError } from "./upstream-errors";

/**
 * A plain (non-streamed) answer must start within ROUTER_TIMEOUT_MS like a stream; once its headers
 * are in, its body gets this long (or ROUTER_TIMEOUT_MS if larger) to arrive whole.
 */
const PLAIN_BODY_TIMEOUT_MS = 120_000;

export interface ChatRouteOptions {
  /** How the ledger labels requests of this route (the playground still names itself in a header). */
  client: LedgerClient;
  /** Who may call it (default: gateway-auth.ts's rule). */
  access?: GatewayAccess;
  /**
   * The HF token to use when the dashboard has none: OpenClaw sends its own HF key as the bearer
   * token, so its requests work on a dashboard that was never given one.
   */
  callerToken?: (request: IncomingRequest) => string | null;
}

let lastToken: { token: string; problem: string | null } | null = null;

/** tokenProblem() kept for the last token: every chat asks, nearly always about the same token. */
function tokenProblemNow(token: string): string | null {
  if (lastToken?.token !== token) lastToken = { token, problem: tokenProblem(token) };
  return lastToken.problem;
}

let lastResolution: {
  settings: ModelSettings | null;
  model: string | null | undefined;
  resolution: Resolution;
} | null = null;

/**
 * resolveCandidates() kept for the last model asked for under the same settings object (a new one
 * is loaded when the config changes): a client nearly always asks for the same model. Requests
 * with their own `models` list are resolved each time.
 */
function resolveNow(body: GatewayChatBody, settings: ModelSettings | null): Resolution {
  if (body.models !== undefined) return resolveCandidates({ model: body.model, models: body.models }, settings);
  if (lastResolution?.settings !== settings || lastResolution.model !== body.model) {
    lastResolution = { settings, model: body.model, resolution: resolveCandidates({ model: body.model }, settings) };
  }
  return lastResolution.resolution;
}

/**
 * OpenAI-compatible chat completions through the HF router, with aliases and fallbacks
 * (docs/ARCHITECTURE.md, "A proxied chat"), as a Pages API route's handler (gateway-api-route.ts
 * says why not an App Router one). Every request is recorded in the usage ledger.
 */
export function chatCompletionsRoute(options: ChatRouteOptions) {
  return gatewayApiRoute(
    { body: gatewayChatBodySchema, quickBody: quickChatBody, access: options.access },
    async ({ request, body, env }) => {
      const recorder = requestRecorder(request, body, options.client);
      // Cached values are taken as they are: an `await` would let other queued work run first.
      const settings = routingSettingsNow();
      const resolution = resolveNow(body, settings instanceof Promise ? await settings : settings);
      if (!resolution.ok) {
        const { code, message, param } = resolution;
        return recorder.refuse(gatewayError(400, "invalid_request_error", code, message, { param }));
      }

      const overBudget = recorder.overBudget();
      if (overBudget) return recorder.refuse(overBudget);

      const cached = cachedTokenNow();
      const token =
        (cached instanceof Promise ? await cached : cached)?.value ?? options.callerToken?.(request) ?? null;
      if (!token) return recorder.refuse(noTokenError());
      const problem = tokenProblemNow(token);
      if (problem) return recorder.refuse(badTokenError(problem));

      return proxyChatAnswer({
        candidates: resolution.candidates,
        body,
        token,
        routerUrl: env.HF_ROUTER_URL,
        signal: request.signal,
        firstByteTimeoutMs: env.ROUTER_TIMEOUT_MS,
        plainTimeoutMs: Math.max(env.ROUTER_TIMEOUT_MS, PLAIN_BODY_TIMEOUT_MS),
        log: (line) => console.warn(line),
        startedAt: recorder.facts.at,
        onFinished: recorder.onFinished,
      });
    },
  );
}
