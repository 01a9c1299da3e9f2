import "server-only";
import { isIP } from "node:net";
import { serverEnv } from "@/lib/server/env";
import { AppError } from "./errors";
import type { IncomingRequest } from "./incoming-request";

const WILDCARD_BINDS = ["0.0.0.0", "::", "[::]"];

/** `host[:port]` → lower-case host name without brackets or port. */
function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"));
  const colon = value.lastIndexOf(":");
  // More than one colon without brackets: a bare IPv6 address, no port.
  return colon !== -1 && value.indexOf(":") === colon ? value.slice(0, colon) : value;
}

/** True when `host[:port]` names only this machine (loopback names and addresses). */
export function isLoopbackHost(host: string): boolean {
  return isLoopback(hostName(host));
}

function isLoopback(name: string): boolean {
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  return name === "::1" || name === "0:0:0:0:0:0:0:1";
}

/**
 * Only names that cannot be re-pointed by someone else's DNS are trusted (DNS rebinding):
 * loopback names and addresses, the configured HOST, and, when the server listens on every
 * interface, any IP address.
 */
function trustedHost(name: string, bind: string): boolean {
  if (isLoopback(name)) return true;
  if (WILDCARD_BINDS.includes(bind)) return isIP(name) !== 0;
  return name === hostName(bind);
}

/**
 * The last `Host` header found trusted, with the bind address it was judged under: every request of
 * a client sends the same one, so the usual check is two string comparisons (the gateway runs it
 * for every chat; docs/ARCHITECTURE.md, "What a proxied chat costs per request").
 */
let lastTrusted: { host: string; bind: string } | null = null;

function trustedHostHeader(host: string, bind: string): boolean {
  if (lastTrusted?.host === host && lastTrusted.bind === bind) return true;
  if (!trustedHost(hostName(host), bind)) return false;
  lastTrusted = { host, bind };
  return true;
}

function normalisedAuthority(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase().replace(/^\[|\]$/g, "")}:${port}`;
}

/**
 * Mutating routes refuse a foreign `Origin` (another site in the user's browser) and a `Host`
 * that is not this server's (DNS rebinding). Requests without `Origin` (curl, SDKs) pass.
 */
export function checkSameOrigin(request: IncomingRequest, bind = serverEnv().HOST): AppError | null {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (!trustedHostHeader(host, bind)) {
    return new AppError(
      "forbidden",
      `Requests for host "${host}" are refused: open the dashboard at its own address (e.g. http://127.0.0.1).`,
    );
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return new AppError(
      "forbidden",
      "This request came from a page without an origin; changes are only accepted from the dashboard's own pages.",
    );
  }
  const hostUrl = URL.parse(`${originUrl.protocol}//${host}`);
  if (!hostUrl || normalisedAuthority(originUrl) !== normalisedAuthority(hostUrl)) {
    return new AppError(
      "forbidden",
      `This request came from another site (${originUrl.origin}); changes are only accepted from the dashboard's own pages.`,
    );
  }
  return null;
}
