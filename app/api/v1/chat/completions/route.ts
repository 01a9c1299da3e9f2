import { gatewayChatBodySchema } from "@/lib/server/gateway/chat-proxy-schema";
import { proxyChat } from "@/lib/server/gateway/chat-proxy";
import { readRoutingSettings } from "@/lib/server/gateway/chat-proxy-settings";
import { gatewayRoute, invalidRequest } from "@/lib/server/gateway/gateway-route";
import { resolveCandidates } from "@/lib/server/gateway/model-resolution";
import { badTokenError, gatewayErrorResponse, noTokenError } from "@/lib/server/gateway/upstream-errors";
import { serverEnv } from "@/lib/server/env";
import { cachedToken } from "@/lib/server/token/token-cache";
import { tokenProblem } from "@/lib/settings/token-rules";

export const dynamic = "force-dynamic";

/**
 * A plain (non-streamed) answer must start within ROUTER_TIMEOUT_MS like a stream; once its headers
 * are in, its body gets this long (or ROUTER_TIMEOUT_MS if larger) to arrive whole.
 */
const PLAIN_BODY_TIMEOUT_MS = 120_000;

/**
 * OpenAI-compatible chat completions through the HF router, with aliases and fallbacks
 * (docs/ARCHITECTURE.md, "A proxied chat").
 */
export const POST = gatewayRoute({ body: gatewayChatBodySchema }, async ({ request, body }) => {
  const resolution = resolveCandidates({ model: body.model, models: body.models }, await readRoutingSettings());
  if (!resolution.ok) return invalidRequest(resolution.message, resolution.code, resolution.param);

  const token = await cachedToken();
  if (!token) return gatewayErrorResponse(noTokenError());
  const problem = tokenProblem(token.value);
  if (problem) return gatewayErrorResponse(badTokenError(problem));

  const env = serverEnv();
  return proxyChat({
    candidates: resolution.candidates,
    body,
    token: token.value,
    routerUrl: env.HF_ROUTER_URL,
    signal: request.signal,
    firstByteTimeoutMs: env.ROUTER_TIMEOUT_MS,
    plainTimeoutMs: Math.max(env.ROUTER_TIMEOUT_MS, PLAIN_BODY_TIMEOUT_MS),
    log: (line) => console.warn(line),
  });
});
