import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fileMemo, RESTAT_MS } from "./file-memo";
import { closeFileWatches, noteFileChanged } from "./file-watch";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-memo-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  closeFileWatches();
  fs.rmSync(dir, { recursive: true, force: true });
});

function counted(file: string, key?: () => string) {
  let loads = 0;
  const memo = fileMemo({
    files: () => [file],
    key,
    load: async () => {
      loads += 1;
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    },
  });
  return { memo, loads: () => loads };
}

/** The memo's value once the watcher reported the change (the event arrives asynchronously). */
const settlesTo = (memo: { get: () => Promise<unknown> }, value: unknown) =>
  vi.waitFor(async () => expect(await memo.get()).toBe(value), { timeout: 5000 });

describe("fileMemo", () => {
  it("loads once while the file is unchanged, again after an in-place write, a rename or a removal", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    const { memo, loads } = counted(file);
    expect(await memo.get()).toBe("one");
    expect(await memo.get()).toBe("one");
    expect(loads()).toBe(1);

    fs.writeFileSync(file, "two!");
    await settlesTo(memo, "two!");
    fs.writeFileSync(`${file}.tmp`, "tri!");
    fs.renameSync(`${file}.tmp`, file);
    await settlesTo(memo, "tri!");
    fs.rmSync(file);
    await settlesTo(memo, null);
    expect(await memo.get()).toBeNull();
    expect(loads()).toBe(4);
  });

  it("peek() gives the promise while loading, then the value itself, and loads again after a change", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    const { memo, loads } = counted(file);
    const first = memo.peek();
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe("one");
    expect(memo.peek()).toBe("one");
    expect(loads()).toBe(1);

    fs.writeFileSync(file, "two!");
    await settlesTo(memo, "two!");
    expect(memo.peek()).toBe("two!");
    expect(loads()).toBe(2);
  });

  it("makes no system call while the watched file is unchanged, and stats again after a change", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    const { memo } = counted(file);
    await memo.get();
    const stat = vi.spyOn(fs, "statSync");
    for (let i = 0; i < 20; i++) expect(await memo.get()).toBe("one");
    expect(stat).not.toHaveBeenCalled();
    fs.writeFileSync(file, "two!");
    await settlesTo(memo, "two!");
    expect(stat).toHaveBeenCalled();
  });

  it("sees a write this process noted at once, before the watcher's event", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    const { memo } = counted(file);
    await memo.get();
    fs.writeFileSync(file, "two!");
    noteFileChanged(file);
    expect(await memo.get()).toBe("two!");
  });

  it("stats again after RESTAT_MS even when the watcher saw nothing", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const { memo } = counted(file);
    await memo.get();
    const stat = vi.spyOn(fs, "statSync");
    await memo.get();
    expect(stat).not.toHaveBeenCalled();
    now += RESTAT_MS;
    await memo.get();
    expect(stat).toHaveBeenCalled();
  });

  it("stats a symlinked file on every call: its target's folder is not watched", async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "file-memo-target-"));
    try {
      const target = path.join(elsewhere, "real.json");
      const link = path.join(dir, "config.json");
      fs.writeFileSync(target, "one");
      fs.symlinkSync(target, link);
      const { memo } = counted(link);
      expect(await memo.get()).toBe("one");
      fs.writeFileSync(target, "two!");
      expect(await memo.get()).toBe("two!");
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("watches a folder that does not exist yet through its parent, and sees the file appear", async () => {
    const file = path.join(dir, "later", "config.json");
    const { memo } = counted(file);
    expect(await memo.get()).toBeNull();
    const stat = vi.spyOn(fs, "statSync");
    expect(await memo.get()).toBeNull();
    expect(stat).not.toHaveBeenCalled();
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, "one");
    await settlesTo(memo, "one");
    fs.writeFileSync(file, "two!");
    await settlesTo(memo, "two!");
  });

  it("loads again when the extra key changes", async () => {
    let key = "a";
    const { memo, loads } = counted(path.join(dir, "missing"), () => key);
    await memo.get();
    key = "b";
    await memo.get();
    await memo.get();
    expect(loads()).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const memo = fileMemo({
      files: () => [path.join(dir, "x")],
      load: async () => {
        if (fail) throw new Error("boom");
        return 1;
      },
    });
    await expect(memo.get()).rejects.toThrow("boom");
    fail = false;
    expect(await memo.get()).toBe(1);
  });
});
