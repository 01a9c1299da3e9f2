import "server-only";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { encodeCatalog } from "@/lib/catalog/catalog-wire";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { acceptsBrotli, brotliResponse } from "@/lib/server/http/brotli-answer";
import { sharedBody } from "@/lib/server/http/shared-body";

const brotliCompress = promisify(zlib.brotliCompress);

/** One catalog answer, serialised, hashed and compressed once. */
export interface CatalogPayload {
  etag: string;
  /** The wire shape as JSON text. */
  text: string;
  bytes: Buffer;
  /** The bytes as brotli (quality 10: at 10,000 models as small as 11, in half the time). */
  brotli: Promise<Buffer>;
}

function build(catalog: CatalogResponse): CatalogPayload {
  const text = JSON.stringify(encodeCatalog(catalog));
  const bytes = Buffer.from(text);
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  // On zlib's thread pool, not the event loop: streams and other requests go on meanwhile.
  const brotli = brotliCompress(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 22,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  // Awaited by each answer; this only keeps a failure from counting as unhandled before then.
  brotli.catch(() => undefined);
  return { etag, text, bytes, brotli };
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
 * cached bytes: brotli when the request accepts it (README, "The catalog on the wire"), else plain
 * (gzipped per request by `next start`). `no-cache` lets the browser keep the body and revalidate.
 */
export async function catalogAnswer(request: Request, catalog: CatalogResponse): Promise<Response> {
  const payload = catalogPayload(catalog);
  const headers: Record<string, string> = { etag: payload.etag, "cache-control": "private, no-cache" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === payload.etag))
    return new Response(null, { status: 304, headers });
  headers["content-type"] = "application/json";
  if (acceptsBrotli(request)) return brotliResponse(await payload.brotli, { status: 200, headers });
  return new Response(sharedBody(payload.bytes), { status: 200, headers });
}
