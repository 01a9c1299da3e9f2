import { describe, expect, it, vi } from "vitest";
import type { LiveModel } from "@/lib/catalog/catalog-merge";
import { LiveCache } from "./catalog-cache";

const list = (id: string): LiveModel[] => [{ id, providers: [] }];

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("LiveCache", () => {
  it("shares one upstream request between concurrent callers", async () => {
    const pending = deferred<LiveModel[]>();
    const load = vi.fn(() => pending.promise);
    const cache = new LiveCache(load, { ttlMs: 1000 });
    const calls = [cache.get(), cache.get(), cache.get(true)];
    pending.resolve(list("a/b"));
    const results = await Promise.all(calls);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.snapshot?.models[0]?.id === "a/b" && r.error === null)).toBe(true);
  });

  it("says what it holds without a promise while no refresh is due, and null when one is", async () => {
    let now = 0;
    const pending = deferred<LiveModel[]>();
    const cache = new LiveCache(() => pending.promise, { ttlMs: 1000, now: () => now });
    expect(cache.cached()).toBeNull();
    const first = cache.get();
    expect(cache.cached()).toBeNull();
    pending.resolve(list("a/b"));
    await first;
    expect(cache.cached()).toMatchObject({ fresh: true, error: null, snapshot: { models: [{ id: "a/b" }] } });
    now = 1000;
    expect(cache.cached()).toBeNull();
  });

  it("serves from cache within the TTL and refreshes after it", async () => {
    let now = 0;
    const load = vi.fn(async () => list(`m/${now}`));
    const cache = new LiveCache(load, { ttlMs: 1000, now: () => now });
    await cache.get();
    now = 999;
    expect((await cache.get()).snapshot?.models[0]?.id).toBe("m/0");
    now = 1000;
    expect((await cache.get()).snapshot?.models[0]?.id).toBe("m/1000");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps the last good list and reports the failure when a refresh fails", async () => {
    let fail = false;
    const cache = new LiveCache(
      async () => {
        if (fail) throw new Error("router down");
        return list("a/b");
      },
      { ttlMs: 0 },
    );
    await cache.get();
    fail = true;
    const result = await cache.get();
    expect(result).toMatchObject({ error: "router down", fresh: false });
    expect(result.snapshot?.models[0]?.id).toBe("a/b");
  });

  it("does not hammer a failing router, but a forced refresh tries again", async () => {
    let now = 0;
    const load = vi.fn(async () => {
      throw new Error("unreachable");
    });
    const cache = new LiveCache(load, { ttlMs: 1000, retryAfterFailureMs: 5000, now: () => now });
    await cache.get();
    now = 100;
    expect((await cache.get()).error).toBe("unreachable");
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get(true);
    expect(load).toHaveBeenCalledTimes(2);
    now = 6000;
    await cache.get();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("ignores an in-flight answer after invalidate", async () => {
    const first = deferred<LiveModel[]>();
    const load = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(list("new/token"));
    const cache = new LiveCache(load, { ttlMs: 10_000 });
    const stale = cache.get();
    cache.invalidate();
    first.resolve(list("old/token"));
    await stale;
    expect((await cache.get()).snapshot?.models[0]?.id).toBe("new/token");
  });
});

describe("LiveCache onRefreshed", () => {
  it("is told after each upstream request, once the cache holds its result", async () => {
    const seen: (string | null)[] = [];
    let fail = false;
    const cache: LiveCache = new LiveCache(
      async () => {
        if (fail) throw new Error("down");
        return list("a/b");
      },
      {
        ttlMs: 60_000,
        onRefreshed: () => void cache.get().then((r) => seen.push(r.error ?? r.snapshot?.models[0]?.id ?? null)),
      },
    );
    await cache.get();
    fail = true;
    await cache.get(true);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual(["a/b", "down"]);
  });
});
