import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/server/env";
import type { IncomingRequest } from "@/lib/server/http/incoming-request";
import { isLoopbackHost } from "@/lib/server/http/origin-guard";
import { cachedToken } from "@/lib/server/token/token-cache";
import { checkGatewayAccess } from "./gateway-auth";

function bearerOf(request: IncomingRequest): string | null {
  return (
    request.headers
      .get("authorization")
      ?.match(/^Bearer\s+(.+)$/i)?.[1]
      ?.trim() || null
  );
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who may use OpenClaw's route. OpenClaw sends its own HF key as the bearer token and cannot be
 * told to send another: on loopback the gateway's usual rule applies (any local program); bound
 * beyond loopback, the dashboard's HF token is accepted as well as DASHBOARD_API_KEY.
 */
export function checkOpenClawAccess(request: IncomingRequest): Response | null | Promise<Response | null> {
  const env = serverEnv();
  const refused = checkGatewayAccess(request, env);
  // Decided without a promise in the usual cases: the route then goes on without an `await`.
  if (!refused || isLoopbackHost(env.HOST)) return refused;
  const given = bearerOf(request);
  if (!given) return refused;
  return cachedToken().then((token) =>
    token && same(given, token.value) && !request.headers.has("origin") ? null : refused,
  );
}

/** OpenClaw's HF key, used upstream only when the dashboard has no token of its own. */
export function openClawToken(request: IncomingRequest): string | null {
  const given = bearerOf(request);
  return given?.startsWith("hf_") ? given : null;
}
