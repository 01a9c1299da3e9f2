import "server-only";
import type { LiveModel } from "@/lib/catalog/catalog-merge";

export interface LiveSnapshot {
  models: LiveModel[];
  fetchedAt: Date;
}

export interface CacheResult {
  snapshot: LiveSnapshot | null;
  /** Set when the latest attempt failed; the snapshot (if any) is then the last good one. */
  error: string | null;
  /** True when `snapshot` came from the attempt just made or is within the TTL. */
  fresh: boolean;
}

export interface LiveCacheOptions {
  ttlMs: number;
  /** After a failure, callers within this window get the failure without a new upstream call. */
  retryAfterFailureMs?: number;
  now?: () => number;
  /** Called after each upstream request settled (a new list, or a failure) and the cache holds its result. */
  onRefreshed?: () => void;
}

/**
 * TTL cache of the live list: one upstream request at a time (concurrent callers share it),
 * the last good list kept and served with the error when a refresh fails.
 */
export class LiveCache {
  private snapshot: LiveSnapshot | null = null;
  private error: string | null = null;
  private failedAt = 0;
  private inflight: Promise<void> | null = null;
  private inflightSince = 0;
  private generation = 0;
  private readonly now: () => number;

  constructor(
    private readonly load: (signal?: AbortSignal) => Promise<LiveModel[]>,
    private readonly options: LiveCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(force = false): Promise<CacheResult> {
    const known = force ? null : this.cached();
    if (known) return known;
    await this.refresh();
    return this.result(this.error === null);
  }

  /**
   * What get() would answer without asking the router, or null when it would ask: the warm path
   * of a catalog request, without a promise or a timer.
   */
  cached(): CacheResult | null {
    const now = this.now();
    const withinTtl = this.snapshot !== null && now - this.snapshot.fetchedAt.getTime() < this.options.ttlMs;
    const recentlyFailed = this.error !== null && now - this.failedAt < (this.options.retryAfterFailureMs ?? 30_000);
    return (withinTtl || recentlyFailed) && !this.inflight ? this.result(withinTtl && !this.error) : null;
  }

  /** How long the router has been asked without an answer so far (ms), or null when no refresh is running. */
  pendingFor(): number | null {
    return this.inflight ? this.now() - this.inflightSince : null;
  }

  /** What is known now, without asking the router. */
  peek(): CacheResult {
    const withinTtl = this.snapshot !== null && this.now() - this.snapshot.fetchedAt.getTime() < this.options.ttlMs;
    return this.result(withinTtl && !this.error);
  }

  /** Forgets everything (e.g. the token changed, so the list may differ). */
  invalidate(): void {
    this.generation += 1;
    this.snapshot = null;
    this.error = null;
    this.failedAt = 0;
    this.inflight = null;
  }

  private result(fresh: boolean): CacheResult {
    return { snapshot: this.snapshot, error: this.error, fresh };
  }

  private refresh(): Promise<void> {
    if (!this.inflight) {
      this.inflightSince = this.now();
      this.inflight = this.runOnce();
    }
    return this.inflight;
  }

  private async runOnce(): Promise<void> {
    const generation = this.generation;
    try {
      const models = await this.load();
      if (generation !== this.generation) return;
      this.snapshot = { models, fetchedAt: new Date(this.now()) };
      this.error = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.failedAt = this.now();
    } finally {
      if (generation === this.generation) {
        this.inflight = null;
        this.options.onRefreshed?.();
      }
    }
  }
}
