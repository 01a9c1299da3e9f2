import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { paddedConfig, QWEN, R1, SEED } from "@/scripts/stress/config-text";
import { AppError } from "@/lib/server/http/errors";
import { JOBS, type EditInput } from "./config-jobs";
import { readSettings, writeSettings } from "./config-store";
import { OFF_THREAD_BYTES, runOnWorker, stopConfigWorker } from "./config-worker-client";

let dir: string;
let file: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "config-worker-"));
  file = path.join(dir, "openclaw.json");
  process.env.OPENCLAW_STATE_DIR = dir;
  process.env.OPENCLAW_CONFIG_PATH = file;
  process.env.HF_PICKER_DATA_DIR = path.join(dir, "data");
});
afterEach(async () => {
  process.env = { ...saved };
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});
afterAll(() => stopConfigWorker());

const BIG = paddedConfig(OFF_THREAD_BYTES * 3);
const SETTINGS = { primary: QWEN, fallbacks: [R1], aliases: { [QWEN]: "Qwen" } };

function editInput(bytes: Buffer, limit = 50 * 1024 * 1024): EditInput {
  const facts = { record: { enabled: false, memory: {} }, wanted: undefined, catalog: null };
  return { path: file, bytes, settings: SETTINGS, facts, limit };
}

// The first job starts the worker, which loads the TypeScript sources through tsx here.
describe("the config worker", { timeout: 60_000 }, () => {
  it("reads and saves a big config on the worker thread, never in this one", async () => {
    await fs.writeFile(file, BIG);
    const inThread = [vi.spyOn(JOBS, "inspect"), vi.spyOn(JOBS, "edit"), vi.spyOn(JOBS, "token")];
    const before = await readSettings();
    expect(before.primary).toBe(R1);
    const state = await writeSettings(SETTINGS, before.etag);
    for (const spy of inThread) expect(spy).not.toHaveBeenCalled();
    expect(state).toMatchObject({ primary: QWEN, fallbacks: [R1], aliases: { [QWEN]: "Qwen" } });
    const after = await fs.readFile(file, "utf8");
    const others = BIG.slice(BIG.indexOf("  models: {\n    providers"));
    expect(after.endsWith(others)).toBe(true);
    expect(await fs.readFile(`${file}.bak`, "utf8")).toBe(BIG);
    expect((await readSettings()).etag).toBe(state.etag);
  });

  it("runs a small config's jobs in this thread", async () => {
    await fs.writeFile(file, SEED);
    const inspect = vi.spyOn(JOBS, "inspect");
    const edit = vi.spyOn(JOBS, "edit");
    await writeSettings(SETTINGS, (await readSettings()).etag);
    expect(inspect).toHaveBeenCalled();
    expect(edit).toHaveBeenCalledOnce();
  });

  it("gives the same bytes and ETag as the job run in this thread", async () => {
    const bytes = Buffer.from(BIG);
    const there = await runOnWorker("edit", editInput(bytes));
    const here = await JOBS.edit(editInput(bytes));
    expect(there.after?.etag).toBe(here.after?.etag);
    expect(Buffer.from(there.after?.bytes ?? []).equals(Buffer.from(here.after?.bytes ?? []))).toBe(true);
    expect(await runOnWorker("inspect", { bytes })).toEqual(await JOBS.inspect({ bytes }));
  });

  it("passes an AppError back as one: an edit over the size limit is a 413", async () => {
    const error = await runOnWorker("edit", editInput(Buffer.from(BIG), 1024)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "config_too_large", status: 413 });
  });

  it("starts a new worker for the next job after one stopped", async () => {
    const bytes = Buffer.from(BIG);
    const expected = await JOBS.inspect({ bytes });
    await runOnWorker("inspect", { bytes });
    await stopConfigWorker();
    expect(await runOnWorker("inspect", { bytes })).toEqual(expected);
  });
});
