import { asRecord } from "./config-models";

/** The dashboard's OpenAI-compatible path for OpenClaw (its requests are labelled `openclaw` in the ledger). */
export const OPENCLAW_ROUTE_PATH = "/api/openclaw/v1";

/** Where OpenClaw's Hugging Face provider sends its requests: `models.providers.huggingface.baseUrl`. */
export const HF_BASE_URL_PATH = ["models", "providers", "huggingface", "baseUrl"];

/** Where "route OpenClaw through the dashboard" points: this dashboard's OpenClaw route, or the router. */
export interface OpenClawTarget {
  dashboardUrl: string;
  routerUrl: string;
}

/** The base URL set for OpenClaw's Hugging Face provider, or null when it uses its built-in one. */
export function huggingfaceBaseUrl(config: unknown): string | null {
  const value = asRecord(asRecord(asRecord(asRecord(config)?.models)?.providers)?.huggingface)?.baseUrl;
  return typeof value === "string" ? value : null;
}

/** True when the base URL is a dashboard's OpenClaw route (any host and port: the user may have moved it). */
export function routesThroughDashboard(baseUrl: string | null): boolean {
  if (!baseUrl) return false;
  try {
    return new URL(baseUrl).pathname.replace(/\/+$/, "") === OPENCLAW_ROUTE_PATH;
  } catch {
    return false;
  }
}

/**
 * The base URL a save writes for the switch: on, this dashboard's route; off, the router's URL, but
 * only when the file routes through a dashboard now (a config that never had one does not get one).
 * Undefined: leave it as it is.
 */
export function wantedBaseUrl(
  routeOpenClaw: boolean | undefined,
  config: unknown,
  target: OpenClawTarget | undefined,
): string | undefined {
  if (routeOpenClaw === undefined || !target) return undefined;
  if (routeOpenClaw) return target.dashboardUrl;
  return routesThroughDashboard(huggingfaceBaseUrl(config)) ? target.routerUrl : undefined;
}
