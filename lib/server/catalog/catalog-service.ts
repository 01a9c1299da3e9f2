import "server-only";
import { mergeCatalog, type LiveModel } from "@/lib/catalog/catalog-merge";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { EMPTY_OVERLAY, overlayFromConfig, type ConfigOverlay } from "@/lib/settings/config-models";
import { LiveCache } from "./catalog-cache";
import { readConfigSnapshot } from "@/lib/server/config-file/config-store";
import { readFactsRecord } from "@/lib/server/model-facts/facts-memory";
import { serverEnv } from "@/lib/server/env";
import { fetchLiveModels, RouterError } from "@/lib/server/router/router-client";
import { resolveToken } from "@/lib/server/token/token-store";

export interface CatalogDeps {
  loadLive: (signal?: AbortSignal) => Promise<LiveModel[]>;
  loadOverlay: () => Promise<ConfigOverlay>;
  hasToken: () => Promise<boolean>;
  ttlMs: number;
  now?: () => number;
}

export interface CatalogService {
  get(options?: { refresh?: boolean }): Promise<CatalogResponse>;
  invalidate(): void;
}

export function createCatalogService(deps: CatalogDeps): CatalogService {
  const cache = new LiveCache(deps.loadLive, { ttlMs: deps.ttlMs, now: deps.now });
  return {
    async get({ refresh = false } = {}) {
      const [result, overlay, hasToken] = await Promise.all([
        cache.get(refresh),
        deps.loadOverlay().catch(() => EMPTY_OVERLAY),
        deps.hasToken(),
      ]);
      const models = mergeCatalog(result.snapshot?.models ?? null, overlay);
      const fetchedAt = result.snapshot?.fetchedAt.toISOString() ?? null;
      if (result.snapshot && !result.error) return { source: "live", fetchedAt, models };
      const reason = result.error ?? "The live list has not been loaded.";
      const error = hasToken ? reason : `No token set. ${reason}`;
      return { source: result.snapshot ? "cache" : "builtin", fetchedAt, error, models };
    },
    invalidate: () => cache.invalidate(),
  };
}

async function loadOverlay(): Promise<ConfigOverlay> {
  const snapshot = await readConfigSnapshot();
  if (!snapshot.data) return EMPTY_OVERLAY;
  // The model facts the dashboard wrote are copies of catalog figures, not the user's overrides.
  return overlayFromConfig(snapshot.data, (await readFactsRecord(snapshot.path)).memory);
}

// Kept on globalThis: Next may load this module more than once (instrumentation, each route bundle),
// and the cache and its in-flight request must be one per process.
const KEY = Symbol.for("hf-model-picker.catalog-service");
type Holder = { [KEY]?: CatalogService };

function defaultService(): CatalogService {
  const holder = globalThis as Holder;
  holder[KEY] ??= createCatalogService({
    loadLive: async (signal) => fetchLiveModels((await resolveToken())?.value ?? null, signal),
    loadOverlay,
    hasToken: async () => (await resolveToken()) !== null,
    ttlMs: serverEnv().CATALOG_TTL_MS,
  });
  return holder[KEY];
}

/** The merged catalog (docs/ARCHITECTURE.md, "A catalog request"). */
export function getCatalog(options?: { refresh?: boolean }): Promise<CatalogResponse> {
  return defaultService().get(options);
}

/** Drops the cached live list, e.g. after the token changed. */
export function invalidateCatalog(): void {
  defaultService().invalidate();
}

/** Discovery at server start: only when a token is present, and never fatal. */
export async function warmCatalog(): Promise<void> {
  if (!(await resolveToken())) return;
  const catalog = await getCatalog().catch((error: unknown) => {
    console.warn("[catalog] discovery at start failed:", error instanceof RouterError ? error.message : error);
    return null;
  });
  if (catalog)
    console.log(
      `[catalog] ${catalog.source}: ${catalog.models.length} models${catalog.error ? ` (${catalog.error})` : ""}`,
    );
}
