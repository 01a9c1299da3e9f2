import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Liveness, as `/api/health` answers it, from a Pages API route: the floor `npm run bench` measures
 * the gateway's chat routes (Pages API routes too) against (docs/ARCHITECTURE.md, "What a proxied
 * chat costs per request"). Open to any caller.
 */
export default function ping(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end('{"ok":true}');
}

export const config = { api: { bodyParser: false } };
