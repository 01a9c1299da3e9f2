import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { statusResponseSchema } from "@/lib/catalog/catalog-types";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { stateDirPerTest } from "@/test/route-fixture";
import { startRouterShapedServer } from "@/test/router-shaped-server";
import { GET as getStatus } from "../status/route";
import { GET } from "./route";

const fixture = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, "../../../test/fixtures/hf-router-models.docs-example.json"),
    "utf8",
  ),
) as { data: unknown[] };
const TOKEN = "hf_route_test_token_zz99";
const dirs = stateDirPerTest({ prefix: "models-route" });

const request = (query = "", headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3000/api/models${query}`, { headers });
const readCatalog = async (response: Response) => decodeCatalog(wireCatalogSchema.parse(await response.json()));

describe("GET /api/models and /api/status", () => {
  it("merges an independent router-shaped server's list with the config and the built-ins", async () => {
    const body = {
      object: "list",
      data: [
        ...fixture.data,
        {
          id: "Qwen/Qwen3-8B",
          owned_by: "Qwen",
          display_name: "Qwen 3 (8B)",
          providers: [{ provider: "nscale", status: "live", context_length: 32768 }],
        },
      ],
    };
    const router = await startRouterShapedServer(body, { token: TOKEN });
    process.env.HF_ROUTER_URL = router.url;
    process.env.HF_TOKEN = TOKEN;
    fs.writeFileSync(
      path.join(dirs.dir, "openclaw.json"),
      `// my config\n{ agents: { defaults: { models: { "huggingface/Qwen/Qwen3-8B": { alias: "Q8" } } } } }\n`,
    );
    try {
      // ?refresh=1 waits for the router: a definite answer, however slow the machine.
      const response = await GET(request("?refresh=1"));
      expect(response.status).toBe(200);
      const catalog = await readCatalog(response);
      expect(catalog.source).toBe("live");
      expect(catalog.models).toHaveLength(11);
      const v4 = catalog.models.find((m) => m.id === "deepseek-ai/DeepSeek-V4-Pro");
      expect(v4).toMatchObject({
        displayName: "DeepSeek V4 Pro",
        contextWindow: 65536,
        available: true,
        builtin: false,
      });
      expect(v4?.providers).toHaveLength(5);
      expect(catalog.models.find((m) => m.id === "Qwen/Qwen3-8B")).toMatchObject({
        displayName: "Q8",
        name: "Qwen 3 (8B)",
        contextWindow: 32768,
      });
      expect(catalog.models.find((m) => m.id === "zai-org/GLM-4.7")).toMatchObject({ available: false, builtin: true });

      const status = statusResponseSchema.parse(
        await (await getStatus(new Request("http://127.0.0.1:3000/api/status"))).json(),
      );
      expect(status.token).toEqual({ present: true, source: "env:HF_TOKEN", masked: "hf_…zz99" });
      expect(status.catalog).toMatchObject({ source: "live", modelCount: 11, error: null });
      expect(status.routerUrl).toBe(router.url);
      expect(JSON.stringify(status)).not.toContain(TOKEN);
      expect(router.hits()).toBe(1);

      await GET(request("?refresh=1"));
      expect(router.hits()).toBe(2);
    } finally {
      await router.close();
    }
  });

  it("shows the built-in catalog with the reason when the router is unreachable and no token is set", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    const catalog = await readCatalog(await GET(request("?refresh=1")));
    expect(catalog.source).toBe("builtin");
    expect(catalog.error).toMatch(/No token set\. The router is not reachable/);
    expect(catalog.models.map((m) => m.displayName)).toContain("DeepSeek R1");
    expect(catalog.models).toHaveLength(10);
  });

  it("reports a rejected token plainly", async () => {
    const router = await startRouterShapedServer({ data: [] }, { token: "hf_the_right_one_0000" });
    process.env.HF_ROUTER_URL = router.url;
    process.env.HF_TOKEN = TOKEN;
    try {
      const catalog = await readCatalog(await GET(request("?refresh=1")));
      expect(catalog.source).toBe("builtin");
      expect(catalog.error).toContain("rejected the token (401)");
    } finally {
      await router.close();
    }
  });

  it("answers 304 to its own ETag", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    await GET(request("?refresh=1")); // settles the answer: the failure is kept for a while
    const plain = await GET(request());
    const etag = plain.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers.get("cache-control")).toBe("private, no-cache");
    expect((await readCatalog(plain)).models).toHaveLength(10);

    const again = await GET(request("", { "if-none-match": etag }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await GET(request("", { "if-none-match": '"other"' }))).status).toBe(200);
  });

  it("sends brotli compressed once to a client that accepts it, errors included", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    await GET(request("?refresh=1"));
    const accepts = { "accept-encoding": "gzip, deflate, br, zstd" };
    const [first, second] = [await GET(request("", accepts)), await GET(request("", accepts))];
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);
    const text = zlib.brotliDecompressSync(bytes).toString("utf8");
    expect(text).toBe(await (await GET(request())).text());
    expect(decodeCatalog(wireCatalogSchema.parse(JSON.parse(text))).models).toHaveLength(10);

    const refused = await GET(request("", { ...accepts, host: "evil.example" }));
    expect(refused.status).toBe(403);
    const error = JSON.parse(zlib.brotliDecompressSync(Buffer.from(await refused.arrayBuffer())).toString("utf8"));
    expect(error).toMatchObject({ error: { code: "forbidden" } });
  });

  it("does not wait on a hanging router: the built-in list at once, checking, then the live list", async () => {
    let answer: (() => void) | null = null;
    const hanging = http.createServer((_req, res) => {
      answer = () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fixture));
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    process.env.HF_ROUTER_URL = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v1`;
    process.env.HF_TOKEN = TOKEN;
    try {
      const first = await readCatalog(await GET(request()));
      expect(first).toMatchObject({ source: "builtin", checking: true });
      expect(first.models).toHaveLength(10);
      await vi.waitFor(() => expect(answer).not.toBeNull());
      answer!();
      await vi.waitFor(async () => expect((await readCatalog(await GET(request()))).source).toBe("live"));
      expect((await readCatalog(await GET(request()))).checking).toBeUndefined();
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });
});
