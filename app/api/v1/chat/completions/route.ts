import { gatewayChatBodySchema } from "@/lib/server/gateway/chat-proxy-schema";
import { proxyChat } from "@/lib/server/gateway/chat-proxy";
import { readRoutingSettings } from "@/lib/server/gateway/chat-proxy-settings";
import { serverEnv } from "@/lib/server/env";
import { checkGatewayAccess } from "@/lib/server/gateway/gateway-auth";
import { resolveCandidates } from "@/lib/server/gateway/model-resolution";
import { resolveToken } from "@/lib/server/token/token-store";
import { gatewayError, gatewayErrorResponse, noTokenError } from "@/lib/server/gateway/upstream-errors";

export const dynamic = "force-dynamic";

/** Plain (non-streamed) answers arrive all at once, so they get at least this long. */
const MIN_PLAIN_TIMEOUT_MS = 120_000;

const invalid = (message: string, code: string, param?: string) =>
  gatewayErrorResponse(gatewayError(400, "invalid_request_error", code, message, { param }));

/** OpenAI-compatible chat completions through the HF router, with aliases and fallbacks (DESIGN §5). */
export async function POST(request: Request) {
  try {
    const refused = checkGatewayAccess(request);
    if (refused) return refused;

    let json: unknown;
    try {
      json = await request.json();
    } catch {
      return invalid("The request body is not valid JSON.", "invalid_json");
    }
    const parsed = gatewayChatBodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "body";
      return invalid(
        `Invalid request: ${where}: ${issue?.message ?? "not an OpenAI chat request"}`,
        "invalid_request",
        where,
      );
    }
    const body = parsed.data;

    const resolution = resolveCandidates({ model: body.model, models: body.models }, await readRoutingSettings());
    if (!resolution.ok) return invalid(resolution.message, resolution.code, resolution.param);

    const token = await resolveToken();
    if (!token) return gatewayErrorResponse(noTokenError());

    const env = serverEnv();
    return await proxyChat({
      candidates: resolution.candidates,
      body,
      token: token.value,
      routerUrl: env.HF_ROUTER_URL,
      signal: request.signal,
      firstByteTimeoutMs: env.ROUTER_TIMEOUT_MS,
      plainTimeoutMs: Math.max(env.ROUTER_TIMEOUT_MS, MIN_PLAIN_TIMEOUT_MS),
      log: (line) => console.warn(line),
    });
  } catch (error) {
    console.error("[POST /api/v1/chat/completions] unexpected error", error);
    return gatewayErrorResponse(
      gatewayError(500, "server_error", "internal", "Something went wrong on the dashboard server; see its log."),
    );
  }
}
