import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LightAbort, type AbortLike } from "./light-abort";

/**
 * What the server's checks read of a request (origin guard, gateway access, ledger labels): a web
 * `Request` is one, and nodeRequest() makes one over Node's own request for a Pages API route
 * without building a `Request` (docs/ARCHITECTURE.md, "What a proxied chat costs per request").
 */
export interface IncomingRequest {
  /** The absolute URL. */
  readonly url: string;
  readonly method: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
  /** Aborts when the client goes away before its answer ended. */
  readonly signal: AbortLike;
}

/**
 * Node's request as an IncomingRequest. Its signal aborts when the response closes before it
 * finished (the client went away), as the signal of an App Router route's `Request` does (a
 * LightAbort, not an AbortController: light-abort.ts says why).
 */
export function nodeRequest(req: IncomingMessage, res: ServerResponse): IncomingRequest {
  const controller = new LightAbort();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new Error("the client went away"));
  });
  const raw = req.headers;
  let url: string | undefined;
  return {
    get url() {
      url ??= `http://${raw.host ?? "localhost"}${req.url ?? "/"}`;
      return url;
    },
    method: req.method ?? "GET",
    headers: {
      get(name) {
        const value = raw[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      },
      has: (name) => raw[name.toLowerCase()] !== undefined,
    },
    signal: controller.signal,
  };
}
