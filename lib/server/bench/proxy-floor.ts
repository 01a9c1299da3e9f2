import "server-only";
import http from "node:http";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PROXY_FLOOR_ENV } from "./proxy-floor-env";

const agentOptions = { keepAlive: true, maxSockets: Infinity } as const;
let upstream: { base: string; url: URL; agent: http.Agent; request: typeof http.request } | null = null;

/**
 * The least a Next route can do as the gateway's kind of proxy: a Pages API route that sends the
 * request's body to the router's `/chat/completions` with the caller's own `Authorization` (never
 * the dashboard's token) and pipes the answer back: no checks, no ledger, no fallback. `npm run
 * bench` measures it beside the gateway: what it adds over calling the router directly is Next's
 * floor for a proxy route (Next's routing, a second connection, Node's HTTP client in Next's
 * process), which a trivial route that answers by itself (`/api/ping`) does not pay
 * (docs/ARCHITECTURE.md, "What a proxied chat costs per request"). Off unless the server was
 * started with HF_PICKER_BENCH_FLOOR=1.
 */
export function proxyFloor(req: IncomingMessage, res: ServerResponse): void {
  if (process.env[PROXY_FLOOR_ENV] !== "1" || req.method !== "POST") {
    res.statusCode = 404;
    res.end();
    return;
  }
  const base = process.env.HF_ROUTER_URL ?? "https://router.huggingface.co/v1";
  if (upstream?.base !== base) {
    const url = new URL(`${base.replace(/\/+$/, "")}/chat/completions`);
    const secure = url.protocol === "https:";
    upstream = {
      base,
      url,
      agent: secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions),
      request: secure ? https.request : http.request,
    };
  }
  const { url, agent, request } = upstream;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const forward = request(
    { hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? "text/plain" });
      answer.pipe(res);
    },
  );
  forward.on("error", () => res.destroy());
  req.pipe(forward);
}
