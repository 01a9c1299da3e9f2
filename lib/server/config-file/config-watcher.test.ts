import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { etagOf } from "./config-read";
import { watchConfigFile, type ConfigWatcher } from "./config-watcher";

let dir: string;
let watcher: ConfigWatcher | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-watcher-"));
});
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a watcher on `file`; `next()` resolves with the ETag of the next change it reports. */
function watchOn(file: string, options: { watch?: typeof fs.watch } = {}) {
  const changes: string[] = [];
  const waiting: ((etag: string) => void)[] = [];
  watcher = watchConfigFile({
    file,
    pollMs: 50,
    read: async () => {
      const bytes = await fs.promises.readFile(file).catch(() => Buffer.from(""));
      return { etag: await etagOf(bytes) };
    },
    onChange: ({ etag }) => {
      changes.push(etag);
      waiting.shift()?.(etag);
    },
    ...options,
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return { changes, started: watcher.ready, next };
}

const etag = (text: string) => etagOf(Buffer.from(text));

/** What an editor does: a new file written beside it, renamed over it. */
function replaceByRename(file: string, text: string) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

describe("watchConfigFile", () => {
  it("reports an edit in place and an editor's replace-by-rename, once each", async () => {
    const file = path.join(dir, "openclaw.json");
    fs.writeFileSync(file, "{ a: 1 }");
    const { changes, started, next } = watchOn(file);
    await started;
    expect(watcher?.mode()).toBe("watch");

    let change = next();
    fs.writeFileSync(file, "{ a: 2 }");
    expect(await change).toBe(await etag("{ a: 2 }"));

    change = next();
    replaceByRename(file, "{ a: 3 }");
    expect(await change).toBe(await etag("{ a: 3 }"));
    expect(changes).toHaveLength(2);
  });

  it("follows a symlinked config: a change of the target in its own folder, and a re-pointed link", async () => {
    const dotfiles = path.join(dir, "dotfiles");
    fs.mkdirSync(dotfiles);
    fs.writeFileSync(path.join(dotfiles, "openclaw.json5"), "{ v: 1 }");
    fs.writeFileSync(path.join(dotfiles, "other.json5"), "{ v: 'other' }");
    const link = path.join(dir, "openclaw.json");
    fs.symlinkSync("dotfiles/openclaw.json5", link);
    const { started, next } = watchOn(link);
    await started;

    let change = next();
    replaceByRename(path.join(dotfiles, "openclaw.json5"), "{ v: 2 }");
    expect(await change).toBe(await etag("{ v: 2 }"));

    change = next();
    const temp = path.join(dir, "link.tmp");
    fs.symlinkSync("dotfiles/other.json5", temp);
    fs.renameSync(temp, link);
    expect(await change).toBe(await etag("{ v: 'other' }"));
  });

  it("polls when the platform refuses to watch, and still reports the change", async () => {
    const file = path.join(dir, "openclaw.json");
    fs.writeFileSync(file, "{ a: 1 }");
    const refuse = vi.fn(() => {
      throw Object.assign(new Error("no inotify watches left"), { code: "ENOSPC" });
    }) as unknown as typeof fs.watch;
    const { started, next } = watchOn(file, { watch: refuse });
    await started;
    expect(watcher?.mode()).toBe("poll");
    const change = next();
    fs.writeFileSync(file, "{ a: 2, longer: true }");
    expect(await change).toBe(await etag("{ a: 2, longer: true }"));
  });

  it("polls while the folder does not exist, then reports the file once it is created", async () => {
    const file = path.join(dir, "later", "openclaw.json");
    const { started, next } = watchOn(file);
    await started;
    expect(watcher?.mode()).toBe("poll");
    const change = next();
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, "{}");
    expect(await change).toBe(await etag("{}"));
  });
});
