import "server-only";
import { OPENCLAW_ROUTE_PATH, type OpenClawTarget } from "@/lib/settings/openclaw-route";
import { serverEnv } from "@/lib/server/env";

/**
 * The two base URLs of the "route OpenClaw through the dashboard" switch: this dashboard's OpenClaw
 * route as the request reached it (the origin guard has checked the host), and the router's.
 */
export function openClawTarget(request: Request): OpenClawTarget {
  return {
    dashboardUrl: `${new URL(request.url).origin}${OPENCLAW_ROUTE_PATH}`,
    routerUrl: serverEnv().HF_ROUTER_URL,
  };
}
