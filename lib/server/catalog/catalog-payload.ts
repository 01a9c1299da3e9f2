import "server-only";
import { createHash } from "node:crypto";
import { encodeCatalog } from "@/lib/catalog/catalog-wire";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";

/** One catalog answer, serialised and hashed once. */
export interface CatalogPayload {
  etag: string;
  /** The wire shape as JSON text. */
  text: string;
  bytes: Buffer;
}

function build(catalog: CatalogResponse): CatalogPayload {
  const text = JSON.stringify(encodeCatalog(catalog));
  const bytes = Buffer.from(text);
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return { etag, text, bytes };
}

// The catalog service answers the same object while nothing changed, so its identity is the key.
const payloads = new WeakMap<CatalogResponse, CatalogPayload>();

export function catalogPayload(catalog: CatalogResponse): CatalogPayload {
  let payload = payloads.get(catalog);
  if (!payload) {
    payload = build(catalog);
    payloads.set(catalog, payload);
  }
  return payload;
}

/**
 * The catalog as an HTTP answer: `304` when `If-None-Match` names the current ETag, else the
 * cached bytes. `no-cache` lets the browser keep the body and revalidate each time. Compression is
 * left to `next start` (gzip): Next 16 drops a route handler's own `content-encoding` header
 * (`FORBIDDEN_HEADERS` in next/dist/server/send-response.js), so precompressed bytes cannot be sent.
 */
export function catalogAnswer(request: Request, catalog: CatalogResponse): Response {
  const payload = catalogPayload(catalog);
  const headers: Record<string, string> = { etag: payload.etag, "cache-control": "private, no-cache" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === payload.etag))
    return new Response(null, { status: 304, headers });
  headers["content-type"] = "application/json";
  // A view, not a copy: the cached bytes are shared by every answer.
  const body = new Uint8Array(payload.bytes.buffer as ArrayBuffer, payload.bytes.byteOffset, payload.bytes.length);
  return new Response(body, { status: 200, headers });
}
