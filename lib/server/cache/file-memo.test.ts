import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileMemo } from "./file-memo";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-memo-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

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

describe("fileMemo", () => {
  it("loads once while the file is unchanged, again after an in-place write, a rename or a removal", async () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, "one");
    const { memo, loads } = counted(file);
    expect(await memo.get()).toBe("one");
    expect(await memo.get()).toBe("one");
    expect(loads()).toBe(1);

    fs.writeFileSync(file, "two!");
    expect(await memo.get()).toBe("two!");
    fs.writeFileSync(`${file}.tmp`, "tri!");
    fs.renameSync(`${file}.tmp`, file);
    expect(await memo.get()).toBe("tri!");
    fs.rmSync(file);
    expect(await memo.get()).toBeNull();
    expect(await memo.get()).toBeNull();
    expect(loads()).toBe(4);
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
