import "server-only";
import type Database from "libsql";

export interface Migration {
  version: number;
  /** One line for the `schema_migrations` table. */
  name: string;
  sql: string;
}

/**
 * The ledger's schema, as steps. A step is never edited once released: a change is a new step,
 * so a database written by any earlier version is brought up to date in order, in one transaction
 * per step. Times are epoch ms; no prompt or answer text has a column.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "requests and settings",
    sql: `
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        client TEXT NOT NULL,
        requested TEXT,
        ref TEXT,
        provider TEXT,
        status INTEGER NOT NULL,
        error_code TEXT,
        stream INTEGER NOT NULL,
        fallback_attempts INTEGER NOT NULL DEFAULT 0,
        ttft_ms INTEGER,
        total_ms INTEGER,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        cost_usd REAL
      );
      CREATE INDEX requests_at ON requests (at);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: "model column, estimated tokens, prices used, attempts, probe runs",
    sql: `
      ALTER TABLE requests ADD COLUMN model TEXT;
      ALTER TABLE requests ADD COLUMN tokens_estimated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE requests ADD COLUMN price_input REAL;
      ALTER TABLE requests ADD COLUMN price_output REAL;
      ALTER TABLE requests ADD COLUMN probe_run INTEGER;
      UPDATE requests SET model = substr(ref, length('huggingface/') + 1) WHERE ref LIKE 'huggingface/%';
      UPDATE requests SET model = substr(model, 1, instr(model, ':') - 1) WHERE instr(model, ':') > 0;
      CREATE INDEX requests_model_provider ON requests (model, provider, at);
      CREATE TABLE request_attempts (
        request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        ref TEXT NOT NULL,
        provider TEXT,
        status INTEGER,
        outcome TEXT NOT NULL,
        ms INTEGER,
        PRIMARY KEY (request_id, position)
      );
      CREATE INDEX request_attempts_provider ON request_attempts (provider);
      CREATE TABLE probe_runs (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        ref TEXT NOT NULL,
        estimated_cost_usd REAL
      );
    `,
  },
  {
    version: 3,
    name: "probe runs: backends tested, requests by run",
    sql: `
      ALTER TABLE probe_runs ADD COLUMN backends INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX requests_probe_run ON requests (probe_run) WHERE probe_run IS NOT NULL;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

function currentVersion(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as { version: unknown };
  return typeof row.version === "number" ? row.version : 0;
}

/**
 * Applies the steps the database has not seen, each in its own transaction. A database from a
 * newer version of the dashboard is refused rather than written with an older schema's idea of it.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now = Date.now(),
): number {
  const from = currentVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from > latest) {
    throw new Error(
      `The usage database has schema version ${from}, newer than this dashboard knows (${latest}); update the dashboard.`,
    );
  }
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    })();
  }
  return latest;
}
