import { gatewayChatBodySchema } from "@/lib/server/gateway/chat-proxy-schema";
import { proxyChat } from "@/lib/server/gateway/chat-proxy";
import { readRoutingSettings } from "@/lib/server/gateway/chat-proxy-settings";
import { requestRecorder } from "@/lib/server/gateway/gateway-ledger";
import { gatewayRoute } from "@/lib/server/gateway/gateway-route";
import { resolveCandidates } from "@/lib/server/gateway/model-resolution";
import { badTokenError, gatewayError, noTokenError } from "@/lib/server/gateway/upstream-errors";
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
 * (docs/ARCHITECTURE.md, "A proxied chat"). Every request is recorded in the usage ledger.
 */
export const POST = gatewayRoute({ body: gatewayChatBodySchema }, async ({ request, body }) => {
  const recorder = requestRecorder(request, body);
  const resolution = resolveCandidates({ model: body.model, models: body.models }, await readRoutingSettings());
  if (!resolution.ok) {
    const { code, message, param } = resolution;
    return recorder.refuse(gatewayError(400, "invalid_request_error", code, message, { param }));
  }

  const overBudget = recorder.overBudget();
  if (overBudget) return recorder.refuse(overBudget);

  const token = await cachedToken();
  if (!token) return recorder.refuse(noTokenError());
  const problem = tokenProblem(token.value);
  if (problem) return recorder.refuse(badTokenError(problem));

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
    startedAt: recorder.facts.at,
    onFinished: recorder.onFinished,
  });
});
