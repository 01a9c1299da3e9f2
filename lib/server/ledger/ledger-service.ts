import "server-only";
import path from "node:path";
import type { LedgerHealth } from "@/lib/usage/usage-types";
import { closeLedgerDb, LEDGER_FILE, openLedgerDb, type LedgerDb } from "./ledger-db";
import { classify, describeProblem, LedgerUnavailableError, type LedgerProblem } from "./ledger-errors";
import { insertRecords, type LedgerRecord } from "./ledger-insert";
import { pruneOlderThan } from "./ledger-retention";

export interface LedgerServiceOptions {
  dataDir: string;
  retentionDays: number;
  /** Opens the database; tests pass one that fails. */
  open?: (dataDir: string) => LedgerDb;
  now?: () => number;
  log?: (line: string) => void;
  /** Requests kept in memory while the database is unavailable; past it the oldest are dropped. */
  maxPending?: number;
  /** Delay that gathers the requests ending together into one write. */
  flushDelayMs?: number;
}

const MAX_PENDING = 10_000;
const FLUSH_DELAY_MS = 50;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 60_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The ledger's write side and its database handle. `record` only queues (it never throws and
 * never touches the disk on the caller's path); a timer writes the queue in one transaction.
 * When the database is locked, damaged, full or read-only the queue waits and is retried with
 * backoff, and `health()` says what is wrong. Reads go through `read`, which throws
 * LedgerUnavailableError with a message for the page.
 */
export class LedgerService {
  readonly file: string;
  private db: LedgerDb | null = null;
  private queue: LedgerRecord[] = [];
  private dropped = 0;
  private problem: { kind: LedgerProblem; message: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_MIN_MS;
  private lastPrune = 0;
  private isClosed = false;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  /** Called after each successful write with what was written (budget tallies). */
  onWritten: ((records: readonly LedgerRecord[]) => void) | null = null;

  constructor(private readonly options: LedgerServiceOptions) {
    this.file = path.join(options.dataDir, LEDGER_FILE);
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get retentionDays(): number {
    return this.options.retentionDays;
  }

  /** Queues one request; written shortly after, off the caller's path. Never throws. */
  record(record: LedgerRecord): void {
    this.queue.push(record);
    const max = this.options.maxPending ?? MAX_PENDING;
    if (this.queue.length > max) {
      this.dropped += this.queue.length - max;
      this.queue.splice(0, this.queue.length - max);
    }
    this.schedule(this.problem ? this.retryMs : (this.options.flushDelayMs ?? FLUSH_DELAY_MS));
  }

  /** Records waiting to be written (they count towards budgets too). */
  pending(): readonly LedgerRecord[] {
    return this.queue;
  }

  /** Writes the queue now. True when nothing is left waiting. Never throws. */
  flush(): boolean {
    if (this.isClosed) return false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    try {
      const db = this.handle();
      const batch = this.queue.slice();
      if (batch.length > 0) {
        insertRecords(db, batch);
        this.queue.splice(0, batch.length);
        this.onWritten?.(batch);
      }
      this.pruneIfDue(db);
      this.recovered();
      return true;
    } catch (error) {
      this.failed(error);
      if (this.queue.length > 0) this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      return false;
    }
  }

  /** Runs a read on the database; the queue is written first so the answer includes it. */
  read<T>(query: (db: LedgerDb) => T): T {
    this.flush();
    try {
      return query(this.handle());
    } catch (error) {
      this.failed(error);
      throw new LedgerUnavailableError(this.problem?.message ?? "The usage database is unavailable.");
    }
  }

  /** Runs a write outside the request queue (budgets). Throws LedgerUnavailableError. */
  write<T>(change: (db: LedgerDb) => T): T {
    return this.read(change);
  }

  /** Health after trying the database now (opening it if needed), for the status API. */
  check(): LedgerHealth {
    this.flush();
    return this.health();
  }

  health(): LedgerHealth {
    return {
      ok: this.problem === null,
      path: this.file,
      error: this.problem?.message ?? null,
      pending: this.queue.length,
      dropped: this.dropped,
      retentionDays: this.options.retentionDays,
    };
  }

  close(): void {
    this.isClosed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.db) closeLedgerDb(this.db);
    this.db = null;
  }

  private handle(): LedgerDb {
    if (this.db) return this.db;
    if (this.isClosed) throw new LedgerUnavailableError("The ledger was closed.");
    this.db = (this.options.open ?? openLedgerDb)(this.options.dataDir);
    this.pruneIfDue(this.db);
    return this.db;
  }

  private pruneIfDue(db: LedgerDb): void {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const removed = pruneOlderThan(db, this.options.retentionDays, now);
    if (removed > 0) this.log(`[ledger] removed ${removed} requests older than ${this.options.retentionDays} days`);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  private failed(error: unknown): void {
    const kind = classify(error);
    // Always a fresh handle next time: libsql leaves a statement that failed (e.g. on a lock)
    // "in progress", and the connection then refuses every later commit.
    try {
      this.db?.close();
    } catch {
      // already unusable
    }
    this.db = null;
    const message = describeProblem(kind, this.file, error);
    if (this.problem?.message !== message) {
      this.log(`[ledger] ${message} (${error instanceof Error ? error.message : String(error)})`);
    }
    this.problem = { kind, message };
  }

  private recovered(): void {
    if (this.problem) this.log(`[ledger] the usage database ${this.file} works again`);
    this.problem = null;
    this.retryMs = RETRY_MIN_MS;
  }
}
