import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_FILE, openLedgerDb } from "./ledger-db";
import { LedgerUnavailableError } from "./ledger-errors";
import { totals } from "./ledger-queries";
import { LedgerService } from "./ledger-service";
import { aRecord, tempDataDir } from "./ledger-test-helpers";

const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };
let dir: string;
const services: LedgerService[] = [];
const logs: string[] = [];

function service(options: Partial<ConstructorParameters<typeof LedgerService>[0]> = {}) {
  const s = new LedgerService({ dataDir: dir, retentionDays: 90, log: (line) => logs.push(line), ...options });
  services.push(s);
  return s;
}

beforeEach(() => {
  dir = tempDataDir();
  logs.length = 0;
});
afterEach(() => {
  for (const s of services.splice(0)) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("LedgerService", () => {
  it("creates the data folder 0700 and the database 0600, and writes queued requests", () => {
    dir = path.join(dir, "nested", "data");
    const ledger = service();
    ledger.record(aRecord());
    ledger.record(aRecord({ costUsd: null }));
    expect(ledger.pending()).toHaveLength(2);
    expect(ledger.flush()).toBe(true);
    expect(ledger.pending()).toHaveLength(0);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, LEDGER_FILE)).mode & 0o777).toBe(0o600);
    expect(ledger.read((db) => totals(db, ALL_TIME))).toMatchObject({ requests: 2, unpricedRequests: 1 });
    expect(ledger.health()).toMatchObject({ ok: true, error: null, pending: 0 });
  });

  it("writes on its own shortly after a request ends", async () => {
    const ledger = service({ flushDelayMs: 1 });
    ledger.record(aRecord());
    await expect.poll(() => ledger.pending().length).toBe(0);
  });

  it("keeps every row when many requests and a second process write at once", async () => {
    const a = service({ flushDelayMs: 0 });
    const b = service({ flushDelayMs: 0 });
    // Interleaved writers on two connections: one holds the lock while the other is turned away.
    await Promise.all(
      Array.from({ length: 400 }, async (_, i) => {
        await Promise.resolve();
        (i % 2 === 0 ? a : b).record(aRecord({ at: Date.now() + i }));
        if (i % 50 === 0) (i % 100 === 0 ? a : b).flush();
      }),
    );
    const blocker = openLedgerDb(dir);
    blocker.exec("BEGIN IMMEDIATE");
    a.record(aRecord());
    expect(a.flush()).toBe(false);
    expect(a.health()).toMatchObject({ ok: false, pending: expect.any(Number) });
    expect(a.health().error).toMatch(/locked by another program/);
    blocker.exec("COMMIT");
    blocker.close();
    await expect.poll(() => a.flush() && b.flush()).toBe(true);
    expect(a.read((db) => totals(db, ALL_TIME)).requests).toBe(401);
    expect(a.health().ok).toBe(true);
  });

  it("loses nothing while another process hammers the same file with writes", async () => {
    const ledger = service({ flushDelayMs: 0 });
    ledger.flush(); // creates the schema
    const other = spawn(
      process.execPath,
      [
        "-e",
        `const Database = require("libsql");
         const db = new Database(process.argv[1]);
         db.exec("PRAGMA busy_timeout = 5000");
         db.exec("PRAGMA synchronous = NORMAL");
         const insert = db.prepare("INSERT INTO requests (at, client, status, stream) VALUES (0, 'api', 200, 0)");
         for (let i = 0; i < 1000; i++) db.transaction(() => insert.run())();
         db.close();`,
        path.join(dir, LEDGER_FILE),
      ],
      { cwd: process.cwd(), stdio: "inherit" },
    );
    const exited = new Promise((resolve) => other.on("exit", resolve));
    for (let i = 0; i < 500; i++) {
      ledger.record(aRecord({ at: i + 1 }));
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await exited).toBe(0);
    await expect.poll(() => ledger.flush()).toBe(true);
    expect(ledger.read((db) => totals(db, ALL_TIME)).requests).toBe(1500);
  }, 20_000);

  it("reports a damaged database file, keeps requests in memory and writes them once it is replaced", () => {
    fs.writeFileSync(path.join(dir, LEDGER_FILE), Buffer.alloc(8192, 7));
    const ledger = service();
    ledger.record(aRecord());
    expect(ledger.flush()).toBe(false);
    const health = ledger.health();
    expect(health).toMatchObject({ ok: false, pending: 1 });
    expect(health.error).toMatch(/is damaged/);
    expect(() => ledger.read((db) => totals(db, ALL_TIME))).toThrow(LedgerUnavailableError);
    expect(logs.filter((line) => line.includes("damaged"))).toHaveLength(1);

    fs.rmSync(path.join(dir, LEDGER_FILE));
    expect(ledger.flush()).toBe(true);
    expect(ledger.read((db) => totals(db, ALL_TIME)).requests).toBe(1);
    expect(ledger.health().ok).toBe(true);
  });

  it("reports a read-only or full database and drops the oldest requests past its memory limit", () => {
    const readOnly = Object.assign(new Error("attempt to write a readonly database"), { code: "SQLITE_READONLY" });
    const ledger = service({
      maxPending: 3,
      open: () => {
        throw readOnly;
      },
    });
    for (let i = 0; i < 5; i++) ledger.record(aRecord({ at: i }));
    expect(ledger.flush()).toBe(false);
    expect(ledger.health()).toMatchObject({ ok: false, pending: 3, dropped: 2 });
    expect(ledger.health().error).toMatch(/cannot be written/);
    expect(ledger.pending().map((r) => r.at)).toEqual([2, 3, 4]);

    const full = service({
      open: () => {
        throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      },
    });
    full.record(aRecord());
    full.flush();
    expect(full.health().error).toMatch(/is full/);
  });

  it("keeps only the configured number of days, checked when opened and then hourly", () => {
    let now = new Date(2025, 5, 1, 12).getTime();
    const day = 24 * 3600 * 1000;
    const ledger = service({ retentionDays: 90, now: () => now });
    ledger.record(aRecord({ at: now - 100 * day }));
    ledger.record(aRecord({ at: now - 89 * day }));
    ledger.flush();
    // Written, then pruned at the next hourly pass: the 100-day-old row goes, the 89-day-old one stays.
    now += 61 * 60 * 1000;
    ledger.flush();
    expect(ledger.read((db) => totals(db, ALL_TIME)).requests).toBe(1);
    expect(logs).toContain("[ledger] removed 1 requests older than 90 days");
    ledger.close();

    const shorter = service({ retentionDays: 30, now: () => now });
    expect(shorter.read((db) => totals(db, ALL_TIME)).requests).toBe(0);
  });

  it("refuses a database written by a newer dashboard instead of writing into it", () => {
    const db = openLedgerDb(dir);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    db.close();
    const ledger = service();
    ledger.record(aRecord());
    expect(ledger.flush()).toBe(false);
    expect(ledger.health().error).toMatch(/schema version 999/);
  });
});
