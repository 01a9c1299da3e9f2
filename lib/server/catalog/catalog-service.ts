import "server-only";
import { mergeCatalog, type LiveModel } from "@/lib/catalog/catalog-merge";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { EMPTY_OVERLAY, overlayFromConfig, type ConfigOverlay } from "@/lib/settings/config-models";
import { LiveCache, type CacheResult } from "./catalog-cache";
import { emitCatalogRefreshed } from "./catalog-events";
import { fileMemo } from "@/lib/server/cache/file-memo";
import { configGeneration } from "@/lib/server/config-file/config-generation";
import { readConfigSnapshot } from "@/lib/server/config-file/config-store";
import { factsMemoryFile, readFactsRecord } from "@/lib/server/model-facts/facts-memory";
import { serverEnv } from "@/lib/server/env";
import { configPath } from "@/lib/server/paths";
import { fetchLiveModels, RouterError } from "@/lib/server/router/router-client";
import { cachedToken } from "@/lib/server/token/token-cache";

export interface CatalogDeps {
  loadLive: (signal?: AbortSignal) => Promise<LiveModel[]>;
  /** Should answer the same object while the config is unchanged: the merge is redone only when it changes. */
  loadOverlay: () => Promise<ConfigOverlay>;
  hasToken: () => Promise<boolean>;
  ttlMs: number;
  now?: () => number;
  /** Told each time a refresh of the live list finished (the events route passes it on to open pages). */
  onRefreshed?: () => void;
}

export interface CatalogGetOptions {
  /** Ask the router again now, even within the TTL. */
  refresh?: boolean;
  /**
   * How long to wait for the router when the list must be fetched, counted from when the fetch began
   * (a router that has hung for longer than this makes no later request wait at all); past it the
   * answer is the list known now (stale or built-in) with `checking: true`, and the fetch goes on.
   * Default: no limit.
   */
  waitMs?: number;
}

export interface CatalogService {
  get(options?: CatalogGetOptions): Promise<CatalogResponse>;
  invalidate(): void;
}

/** How long a page's catalog request waits for the router before answering with what is known. */
export const PAGE_WAIT_MS = 300;

/** What is left of a wait for a fetch that has already been running `pendingMs`. */
function leftOf(waitMs: number | undefined, pendingMs: number | null): number | undefined {
  return waitMs === undefined ? undefined : Math.max(0, waitMs - (pendingMs ?? 0));
}

function waitAtMost(pending: Promise<CacheResult>, waitMs: number | undefined): Promise<CacheResult | null> {
  if (waitMs === undefined || !Number.isFinite(waitMs)) return pending;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

export function createCatalogService(deps: CatalogDeps): CatalogService {
  const cache = new LiveCache(deps.loadLive, { ttlMs: deps.ttlMs, now: deps.now, onRefreshed: deps.onRefreshed });
  // The merged answer is kept while its inputs are the same objects: one merge per live list and config version.
  let last: { inputs: unknown[]; response: CatalogResponse } | null = null;

  function build(result: CacheResult, overlay: ConfigOverlay, hasToken: boolean, checking: boolean): CatalogResponse {
    const inputs = [result.snapshot, result.error, overlay, hasToken, checking];
    if (last && last.inputs.every((input, i) => input === inputs[i])) return last.response;
    const models = mergeCatalog(result.snapshot?.models ?? null, overlay);
    const fetchedAt = result.snapshot?.fetchedAt.toISOString() ?? null;
    const extra = checking ? { checking: true as const } : {};
    let response: CatalogResponse;
    if (result.snapshot && !result.error) response = { source: "live", fetchedAt, ...extra, models };
    else {
      const reason = result.error ?? (checking ? "Checking the router…" : "The live list has not been loaded.");
      const error = hasToken ? reason : `No token set. ${reason}`;
      response = { source: result.snapshot ? "cache" : "builtin", fetchedAt, error, ...extra, models };
    }
    last = { inputs, response };
    return response;
  }

  return {
    async get({ refresh = false, waitMs } = {}) {
      const [result, overlay, hasToken] = await Promise.all([
        (!refresh && cache.cached()) || waitAtMost(cache.get(refresh), leftOf(waitMs, cache.pendingFor())),
        deps.loadOverlay().catch(() => EMPTY_OVERLAY),
        deps.hasToken(),
      ]);
      return build(result ?? cache.peek(), overlay, hasToken, result === null);
    },
    invalidate: () => {
      cache.invalidate();
      last = null;
    },
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

function createDefaultService(): CatalogService {
  // Read and parsed once per version of the config and model-facts files; the check per request is a stat.
  const overlay = fileMemo({
    files: () => [configPath(), factsMemoryFile()],
    key: () => String(configGeneration()),
    load: loadOverlay,
  });
  return createCatalogService({
    loadLive: async (signal) => fetchLiveModels((await cachedToken())?.value ?? null, signal),
    loadOverlay: overlay.get,
    hasToken: async () => (await cachedToken()) !== null,
    ttlMs: serverEnv().CATALOG_TTL_MS,
    onRefreshed: emitCatalogRefreshed,
  });
}

function defaultService(): CatalogService {
  const holder = globalThis as Holder;
  holder[KEY] ??= createDefaultService();
  return holder[KEY];
}

/** The merged catalog (docs/ARCHITECTURE.md, "A catalog request"). */
export function getCatalog(options?: CatalogGetOptions): Promise<CatalogResponse> {
  return defaultService().get(options);
}

/** Drops the cached live list, e.g. after the token changed. */
export function invalidateCatalog(): void {
  defaultService().invalidate();
}

/** Discovery at server start: only when a token is present, and never fatal. */
export async function warmCatalog(): Promise<void> {
  if (!(await cachedToken())) return;
  const catalog = await getCatalog().catch((error: unknown) => {
    console.warn("[catalog] discovery at start failed:", error instanceof RouterError ? error.message : error);
    return null;
  });
  if (catalog)
    console.log(
      `[catalog] ${catalog.source}: ${catalog.models.length} models${catalog.error ? ` (${catalog.error})` : ""}`,
    );
}
