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
type Holder = { [KEY]?: Ledger };

function create(dir: string): Ledger {
  const service = new LedgerService({ dataDir: dir, retentionDays: serverEnv().HF_PICKER_RETENTION_DAYS });
  // Requests still queued when the server stops are written on the way out (libsql is synchronous).
  process.once("exit", () => service.flush());
  return { service, budget: new BudgetGuard(service), dir };
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
