import { describe, expect, it, vi } from "vitest";
import { EMPTY_OVERLAY } from "@/lib/settings/config-models";
import { createCatalogService, type CatalogDeps } from "./catalog-service";
import { RouterError } from "@/lib/server/router/router-client";

function deps(overrides: Partial<CatalogDeps>): CatalogDeps {
  return {
    loadLive: async () => [{ id: "deepseek-ai/DeepSeek-R1", providers: [{ provider: "together", status: "live" }] }],
    loadOverlay: async () => EMPTY_OVERLAY,
    hasToken: async () => true,
    ttlMs: 60_000,
    ...overrides,
  };
}

describe("catalog service", () => {
  it("counts a page's wait for the router from when the fetch began: a hung router makes later pages wait no more", async () => {
    let clock = 0;
    const service = createCatalogService(deps({ loadLive: () => new Promise(() => undefined), now: () => clock }));
    vi.useFakeTimers();
    try {
      const first = service.get({ waitMs: 300 });
      await vi.advanceTimersByTimeAsync(299);
      let answered = false;
      void first.then(() => (answered = true));
      await Promise.resolve();
      expect(answered).toBe(false);
      clock = 300;
      await vi.advanceTimersByTimeAsync(1);
      expect(await first).toMatchObject({ source: "builtin", checking: true });

      // The same fetch is still running: the next page gets what is known at once (no timer to wait for).
      clock = 400;
      const second = service.get({ waitMs: 300 });
      await vi.advanceTimersByTimeAsync(0);
      expect(await second).toMatchObject({ source: "builtin", checking: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers live with the built-ins merged in", async () => {
    const catalog = await createCatalogService(deps({})).get();
    expect(catalog.source).toBe("live");
    expect(catalog.error).toBeUndefined();
    expect(catalog.fetchedAt).toMatch(/^\d{4}-/);
    expect(catalog.models).toHaveLength(10);
    expect(catalog.models.filter((m) => m.available).map((m) => m.id)).toEqual(["deepseek-ai/DeepSeek-R1"]);
  });

  it("falls back to the built-in catalog with the reason, saying when no token is set", async () => {
    const service = createCatalogService(
      deps({
        hasToken: async () => false,
        loadLive: async () => {
          throw new RouterError("unreachable");
        },
      }),
    );
    const catalog = await service.get();
    expect(catalog.source).toBe("builtin");
    expect(catalog.fetchedAt).toBeNull();
    expect(catalog.error).toMatch(/^No token set\. The router is not reachable/);
    expect(catalog.models).toHaveLength(10);
  });

  it("serves the last good list as cache when a refresh fails", async () => {
    let fail = false;
    const loadLive = vi.fn(async () => {
      if (fail) throw new RouterError("server_error", 503);
      return [{ id: "a/b", providers: [] }];
    });
    const service = createCatalogService(deps({ loadLive, ttlMs: 0 }));
    await service.get();
    fail = true;
    const catalog = await service.get({ refresh: true });
    expect(catalog.source).toBe("cache");
    expect(catalog.error).toBe("The router had a server error (503).");
    expect(catalog.models.some((m) => m.id === "a/b")).toBe(true);
  });

  it("applies the config overlay and survives an unreadable config", async () => {
    const withAlias = createCatalogService(
      deps({ loadOverlay: async () => ({ aliases: { "huggingface/deepseek-ai/DeepSeek-R1": "R1" }, overrides: {} }) }),
    );
    expect((await withAlias.get()).models.find((m) => m.alias === "R1")?.displayName).toBe("R1");
    const broken = createCatalogService(
      deps({
        loadOverlay: async () => {
          throw new Error("EACCES");
        },
      }),
    );
    expect((await broken.get()).source).toBe("live");
  });
});
