import { expect, test } from "@playwright/test";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { e2e } from "./env";

/** `/api/models` sends its lean wire shape (README, "The catalog on the wire"); the client expands it. */
const expand = (body: unknown) => decodeCatalog(wireCatalogSchema.parse(body));

test.describe("HTTP API", () => {
  test("health answers ok", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test("status says where the token and the catalog come from", async ({ request }) => {
    const body = await (await request.get("/api/status")).json();
    expect(body.token).toMatchObject({ present: true, source: "file:HF_TOKEN" });
    expect(body.token.masked).toMatch(/^hf_…/);
    expect(body.catalog.source).toBe("live");
    expect(body.routerUrl).toBe(e2e.fakeRouterUrl);
    expect(body.configPath).toBe(`${e2e.live.stateDir}/openclaw.json`);
  });

  test("models merges the fake router's list with the built-ins", async ({ request }) => {
    const body = expand(await (await request.get("/api/models?refresh=1")).json());
    expect(body.source).toBe("live");
    expect(body.models.length).toBeGreaterThan(100);
    const kimi = body.models.find((m) => m.id === "moonshotai/Kimi-K2.5");
    expect(kimi).toMatchObject({ available: false, builtin: true });
    const r1 = body.models.find((m) => m.id === "deepseek-ai/DeepSeek-R1");
    expect(r1?.available).toBe(true);
    expect(r1?.providers.length).toBeGreaterThanOrEqual(3);
  });

  test("without a router the catalog is the built-in one, with the reason", async ({ request }) => {
    const body = expand(await (await request.get(`${e2e.offline.url}/api/models?refresh=1`)).json());
    expect(body.source).toBe("builtin");
    expect(body.models).toHaveLength(10);
    expect(body.error).toContain("No token set");
  });

  test("without a token the status says so", async ({ request }) => {
    const body = await (await request.get(`${e2e.fresh.url}/api/status`)).json();
    expect(body.token).toEqual({ present: false, source: null, masked: null });
  });

  test("pages link a web manifest whose icons load, for a home-screen entry", async ({ request }) => {
    const html = await (await request.get("/settings")).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-icon\.png/);
    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "HF Model Picker", start_url: "/", display: "standalone" });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(["192x192", "512x512", "512x512"]);
    for (const icon of manifest.icons as { src: string }[]) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
  });
});
