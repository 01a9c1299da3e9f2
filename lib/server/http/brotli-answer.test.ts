import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ACCEPTS_BROTLI_PATTERN, acceptsBrotli, brotliResponse, brotliRoute } from "./brotli-answer";

const request = (acceptEncoding?: string) =>
  new Request("http://127.0.0.1:3000/api/models", {
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("brotli answers", () => {
  it("uses the same Accept-Encoding pattern as next.config.mjs, which sets the header", () => {
    const config = fs.readFileSync(path.resolve(import.meta.dirname, "../../../next.config.mjs"), "utf8");
    expect(config).toContain(JSON.stringify(ACCEPTS_BROTLI_PATTERN));
  });

  it("takes br when named as an encoding, not otherwise", () => {
    for (const yes of ["br", "gzip, deflate, br, zstd", "gzip,br", "br , gzip"])
      expect(acceptsBrotli(request(yes))).toBe(true);
    for (const no of [undefined, "", "gzip, deflate", "brotli", "br;q=0", "gzip, br;q=0.5"])
      expect(acceptsBrotli(request(no))).toBe(false);
  });

  it("compresses what the handler did not, and leaves compressed answers alone", async () => {
    const compressed = zlib.brotliCompressSync(Buffer.from('{"ok":true}'));
    const route = brotliRoute(async (req) =>
      req.headers.has("x-ready")
        ? brotliResponse(compressed, { status: 200 })
        : Response.json({ error: "no" }, { status: 403 }),
    );
    const error = await route(request("gzip, br"));
    expect(error.status).toBe(403);
    expect(zlib.brotliDecompressSync(Buffer.from(await error.arrayBuffer())).toString()).toBe('{"error":"no"}');
    expect(await (await route(request("gzip"))).text()).toBe('{"error":"no"}');

    const ready = new Request("http://127.0.0.1:3000/api/models", {
      headers: { "accept-encoding": "br", "x-ready": "1" },
    });
    expect(Buffer.from(await (await route(ready)).arrayBuffer()).equals(compressed)).toBe(true);
  });
});
