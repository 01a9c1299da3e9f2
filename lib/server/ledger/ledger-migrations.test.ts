import fs from "node:fs";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_FILE, openLedgerDb } from "./ledger-db";
import { LATEST_VERSION, migrate, MIGRATIONS } from "./ledger-migrations";
import { insertProbeRun } from "./ledger-probe";
import { recent, totals } from "./ledger-queries";
import { insertRecords } from "./ledger-insert";
import { aRecord, tempDataDir } from "./ledger-test-helpers";

let dir: string;
beforeEach(() => {
  dir = tempDataDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };

describe("ledger migrations", () => {
  it("creates the latest schema in a new file and records each step", () => {
    const db = openLedgerDb(dir);
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all() as {
      version: number;
    }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
  });

  it("brings a database of the first schema up to date and keeps its rows", () => {
    const file = path.join(dir, LEDGER_FILE);
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old
      .prepare(
        `INSERT INTO requests (at, client, requested, ref, provider, status, stream, prompt_tokens, completion_tokens, cost_usd)
         VALUES (1000, 'playground', 'default', 'huggingface/Qwen/Qwen3-8B:cheapest', 'novita', 200, 1, 10, 20, 0.5)`,
      )
      .run();
    old.prepare("INSERT INTO settings (key, value) VALUES ('budget.daily_usd', '2')").run();
    old.close();

    const db = openLedgerDb(dir);
    const [row] = recent(db, ALL_TIME);
    expect(row).toMatchObject({
      client: "playground",
      ref: "huggingface/Qwen/Qwen3-8B:cheapest",
      provider: "novita",
      costUsd: 0.5,
      tokensEstimated: false,
    });
    // The new column is filled from the ref for old rows: they group with new ones by model.
    expect(db.prepare("SELECT model FROM requests").get()).toMatchObject({ model: "Qwen/Qwen3-8B" });
    insertRecords(db, [aRecord({ at: 2000 })]);
    expect(totals(db, ALL_TIME)).toMatchObject({ requests: 2, costUsd: 0.50003 });
    expect(db.prepare("SELECT value FROM settings").get()).toMatchObject({ value: "2" });
    db.close();
  });

  it("brings a database of the second schema up to date: probe runs keep their rows and gain the backends tested", () => {
    const old = new Database(path.join(dir, LEDGER_FILE));
    migrate(old, MIGRATIONS.slice(0, 2));
    old
      .prepare("INSERT INTO probe_runs (at, ref, estimated_cost_usd) VALUES (1000, 'huggingface/Qwen/Qwen3-8B', 0.001)")
      .run();
    old.close();

    const db = openLedgerDb(dir);
    expect(db.prepare("SELECT ref, estimated_cost_usd, backends FROM probe_runs").get()).toMatchObject({
      ref: "huggingface/Qwen/Qwen3-8B",
      estimated_cost_usd: 0.001,
      backends: 0,
    });
    const run = insertProbeRun(db, { at: 2000, ref: "huggingface/Qwen/Qwen3-8B", estimatedCostUsd: null, backends: 4 });
    insertRecords(db, [aRecord({ at: 2000, client: "probe", probeRun: run })]);
    expect(db.prepare("SELECT client, probe_run FROM requests").get()).toMatchObject({
      client: "probe",
      probe_run: run,
    });
    db.close();
  });

  it("applies nothing twice and rolls a failing step back whole", () => {
    const db = new Database(path.join(dir, LEDGER_FILE));
    migrate(db);
    expect(migrate(db)).toBe(LATEST_VERSION);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: "broken", sql: "CREATE TABLE x (a); SELECT nope FROM missing;" },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get()).toMatchObject({ v: LATEST_VERSION });
    db.close();
  });
});
