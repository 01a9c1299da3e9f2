import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/server/env";
import type { IncomingRequest } from "@/lib/server/http/incoming-request";
import { checkSameOrigin, isLoopbackHost } from "@/lib/server/http/origin-guard";
import { gatewayError, gatewayErrorResponse } from "./upstream-errors";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refusedOrigin(request: IncomingRequest, bind: string): Response | null {
  const refused = checkSameOrigin(request, bind);
  return refused
    ? gatewayErrorResponse(gatewayError(403, "permission_error", "forbidden_origin", refused.message))
    : null;
}

/**
 * Who may use `/api/v1/*`. On loopback: local programs (OpenAI SDKs send a dummy key, ignored) and
 * the dashboard's own pages; a foreign `Origin` or `Host` (another site, DNS rebinding) is refused.
 * Bound beyond loopback: only callers with `Authorization: Bearer <DASHBOARD_API_KEY>` — never the
 * HF token, which stays on the server. Returns the refusal, or null when the request may go on.
 */
export function checkGatewayAccess(request: IncomingRequest, env = serverEnv()): Response | null {
  if (isLoopbackHost(env.HOST)) return refusedOrigin(request, env.HOST);

  if (!env.DASHBOARD_API_KEY) {
    return gatewayErrorResponse(
      gatewayError(
        401,
        "authentication_error",
        "gateway_key_not_configured",
        "This dashboard listens beyond loopback, so its gateway needs DASHBOARD_API_KEY set on the server; none is set.",
      ),
    );
  }
  const given =
    request.headers
      .get("authorization")
      ?.match(/^Bearer\s+(.+)$/i)?.[1]
      ?.trim() ?? "";
  if (given && sameSecret(given, env.DASHBOARD_API_KEY)) {
    // A key holder may use any host name; a browser page must still be the dashboard's own.
    return request.headers.has("origin") ? refusedOrigin(request, env.HOST) : null;
  }
  return gatewayErrorResponse(
    gatewayError(
      401,
      "authentication_error",
      "invalid_api_key",
      given
        ? "The API key is wrong: send the dashboard's DASHBOARD_API_KEY as the Bearer token (not your Hugging Face token)."
        : "This dashboard listens beyond loopback: send its DASHBOARD_API_KEY as `Authorization: Bearer <key>`.",
    ),
    { "www-authenticate": "Bearer" },
  );
}
