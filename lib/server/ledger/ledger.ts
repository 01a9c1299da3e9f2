import "server-only";
import { serverEnv } from "@/lib/server/env";
import { dataDir } from "@/lib/server/paths";
import { BudgetGuard } from "./ledger-budget";
import { LedgerService } from "./ledger-service";

interface Ledger {
  service: LedgerService;
  budget: BudgetGuard;
  /** The data folder it was opened for: a test that changes HF_PICKER_DATA_DIR gets a fresh one. */
  dir: string;
}

// Kept on globalThis: Next may load this module once per route bundle, and the database handle,
// the write queue and the budget tallies must be one per process.
const KEY = Symbol.for("hf-model-picker.ledger");
const HOOKED = Symbol.for("hf-model-picker.ledger-shutdown");
type Holder = { [KEY]?: Ledger; [HOOKED]?: true };

function create(dir: string): Ledger {
  closeOnShutdown();
  const service = new LedgerService({ dataDir: dir, retentionDays: serverEnv().HF_PICKER_RETENTION_DAYS });
  return { service, budget: new BudgetGuard(service), dir };
}

/**
 * Closes the ledger when the process ends, once per process. Requests still queued are written on
 * the way out (libsql is synchronous), and a closed database leaves no usage.db-wal / -shm behind.
 */
function closeOnShutdown(): void {
  const holder = globalThis as Holder;
  if (holder[HOOKED]) return;
  holder[HOOKED] = true;
  // Next's server finishes the requests in flight on SIGTERM, then exits: closing at `exit` keeps them.
  process.once("exit", closeLedger);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (process.listenerCount(signal) > 0) return; // another handler (Next's) shuts down and exits
      closeLedger();
      // With no handler left the signal does what it did before: it ends the process.
      process.kill(process.pid, signal);
    });
  }
}

/** Writes what is queued and closes the process's ledger, if one is open. */
export function closeLedger(): void {
  const ledger = (globalThis as Holder)[KEY];
  if (!ledger || ledger.service.closed) return;
  ledger.service.flush();
  ledger.service.close();
}

/** The process's ledger: the usage database in the data folder, its write queue and budgets. */
export function getLedger(): Ledger {
  const holder = globalThis as Holder;
  const dir = dataDir();
  if (holder[KEY]?.dir !== dir || holder[KEY].service.closed) {
    holder[KEY]?.service.close();
    holder[KEY] = create(dir);
  }
  return holder[KEY];
}
