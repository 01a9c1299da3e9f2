import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_FILE } from "./ledger-db";
import { tempDataDir } from "./ledger-test-helpers";

const CHILD = path.resolve(import.meta.dirname, "../../../test/ledger-shutdown-child.ts");
let dir: string;

beforeEach(() => {
  dir = tempDataDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function runServer(mode: "plain" | "graceful") {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, mode], {
    env: { ...process.env, HF_PICKER_DATA_DIR: dir },
    encoding: "utf8",
    timeout: 30_000,
  });
}

function requested(): string[] {
  const db = new Database(path.join(dir, LEDGER_FILE));
  try {
    return (db.prepare("SELECT requested FROM requests ORDER BY id").all() as { requested: string }[]).map(
      (row) => row.requested,
    );
  } finally {
    db.close();
  }
}

// Each case starts a process that loads the TypeScript sources through tsx.
describe("the ledger when the server is stopped", { timeout: 60_000 }, () => {
  it("writes the queue, closes the database and still ends by the signal when nothing else handles it", () => {
    const result = runServer("plain");
    expect(result.stderr).toBe("");
    expect(result.signal).toBe("SIGTERM");
    expect(fs.readdirSync(dir)).toEqual([LEDGER_FILE]);
    expect(requested()).toEqual(["queued"]);
  });

  it("waits for a graceful shutdown like Next's and closes at its exit, keeping the late requests", () => {
    const result = runServer("graceful");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(143);
    expect(fs.readdirSync(dir)).toEqual([LEDGER_FILE]);
    expect(requested()).toEqual(["queued", "late"]);
  });
});
