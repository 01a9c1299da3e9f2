import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "libsql";
import { migrate } from "./ledger-migrations";

export type LedgerDb = Database.Database;

/** Name of the ledger's file inside the data folder. */
export const LEDGER_FILE = "usage.db";

/**
 * How long a write waits for another connection's lock. libsql is synchronous: a wait blocks the
 * event loop, so it stays short and a busy database is retried later from the writer's queue.
 */
export const BUSY_TIMEOUT_MS = 25;

/**
 * Opens (creating if needed) the ledger in `dataDir`: folder 0700, file 0600 (the journal files
 * inherit the file's mode), WAL so the page can read while the gateway writes, schema up to date.
 */
export function openLedgerDb(dataDir: string): LedgerDb {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LEDGER_FILE);
  // Created here rather than by SQLite, so it never exists with the default (world-readable) mode.
  fs.closeSync(fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600));
  const db = new Database(file);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec("PRAGMA journal_mode = WAL");
    // Durable enough for a usage log (a power cut may lose the last commits, never corrupts).
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Closes the handle without leaving usage.db-wal / -shm behind. libsql has no way to finalize a
 * prepared statement, and while one lives a plain close keeps the connection (and both files);
 * leaving WAL mode checkpoints the log and removes them. That takes the last connection: while
 * another process has the file open it fails, and the files stay for that process, as they must.
 */
export function closeLedgerDb(db: LedgerDb): void {
  try {
    db.exec("PRAGMA journal_mode = DELETE");
  } catch {
    // another connection still uses the log
  }
  db.close();
}
