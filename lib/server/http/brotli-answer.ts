import "server-only";
import zlib from "node:zlib";
import { sharedBody } from "./shared-body";

/**
 * Brotli for a route's answers, compressed by the route itself (once per version of what it sends).
 * Next 16 drops a route handler's own `content-encoding` (`FORBIDDEN_HEADERS` in
 * next/dist/server/send-response.js), so the header comes from next.config.mjs `headers()`, which sets
 * `Content-Encoding: br` on the route's path when the request's `Accept-Encoding` matches this
 * pattern (the same text is in next.config.mjs; brotli-answer.test.ts checks they agree). Every
 * answer with a body on such a path must then be brotli: brotliRoute makes sure of it. Next's own
 * gzip leaves an answer that already has a `Content-Encoding` alone.
 */
export const ACCEPTS_BROTLI_PATTERN = "(?:.*,)?\\s*br\\s*(?:,.*)?";
const acceptsBrotliRegex = new RegExp(`^${ACCEPTS_BROTLI_PATTERN}$`);

/** Whether next.config.mjs marks the answer to `request` as brotli. */
export function acceptsBrotli(request: Request): boolean {
  const accepted = request.headers.get("accept-encoding");
  return accepted !== null && acceptsBrotliRegex.test(accepted);
}

const alreadyBrotli = new WeakSet<Response>();

/** An answer whose body is brotli already (compressed once, ahead of the request). */
export function brotliResponse(body: Buffer, init: ResponseInit): Response {
  // Not copied: cached bytes are shared by every answer.
  const response = new Response(sharedBody(body), init);
  alreadyBrotli.add(response);
  return response;
}

/**
 * Wraps a route handler on a path that next.config.mjs marks as brotli: answers the handler did not
 * compress itself (errors, small answers) are compressed here when the request accepts brotli.
 */
export function brotliRoute(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await handler(request);
    if (!acceptsBrotli(request) || alreadyBrotli.has(response) || response.body === null) return response;
    const bytes = zlib.brotliCompressSync(Buffer.from(await response.arrayBuffer()));
    return new Response(new Uint8Array(bytes), { status: response.status, headers: response.headers });
  };
}
