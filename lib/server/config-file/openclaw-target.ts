import "server-only";
import { OPENCLAW_ROUTE_PATH, type OpenClawTarget } from "@/lib/settings/openclaw-route";
import { serverEnv } from "@/lib/server/env";

/**
 * The two base URLs of the "route OpenClaw through the dashboard" switch: this dashboard's OpenClaw
 * route under the host the page used (the origin guard has checked it; Next's `request.url` may say
 * `localhost` for `127.0.0.1`), and the router's.
 */
export function openClawTarget(request: Request): OpenClawTarget {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  return {
    dashboardUrl: `${url.protocol}//${host}${OPENCLAW_ROUTE_PATH}`,
    routerUrl: serverEnv().HF_ROUTER_URL,
  };
}
