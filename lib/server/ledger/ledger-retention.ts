import "server-only";
import type { LedgerDb } from "./ledger-db";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes requests (and their attempts) older than `retentionDays`, in batches so a long-unused
 * ledger never holds the write lock for long. Returns how many requests went.
 */
export function pruneOlderThan(db: LedgerDb, retentionDays: number, now = Date.now(), batch = 5_000): number {
  const cutoff = now - retentionDays * DAY_MS;
  const attempts = db.prepare(
    "DELETE FROM request_attempts WHERE request_id IN (SELECT id FROM requests WHERE at < ? ORDER BY id LIMIT ?)",
  );
  const requests = db.prepare(
    "DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE at < ? ORDER BY id LIMIT ?)",
  );
  const probes = db.prepare("DELETE FROM probe_runs WHERE at < ?");
  let total = 0;
  for (;;) {
    const removed = db.transaction(() => {
      attempts.run(cutoff, batch);
      return requests.run(cutoff, batch).changes;
    })();
    total += removed;
    if (removed < batch) break;
  }
  probes.run(cutoff);
  return total;
}
