import "server-only";
import fs from "node:fs";
import { watchedVersion } from "./file-watch";

export interface FileMemoOptions<T> {
  /** The files the value is read from (evaluated each call: tests and the env may move them). */
  files: () => readonly string[];
  /** Anything else the value depends on, e.g. environment variables; compared as a string. */
  key?: () => string;
  load: () => Promise<T>;
}

/**
 * How long a value is trusted on the watcher's word alone: past this, the next call stats the files
 * again, so a change a watch cannot see (a network file system, a symlinked folder re-pointed)
 * shows within this time.
 */
export const RESTAT_MS = 1000;

/** What identifies a file's bytes without reading them: inode, size, mtime (ns on ext4/APFS). */
function stamp(file: string): { stamp: string; link: boolean } {
  try {
    const stat = fs.statSync(file, { bigint: true });
    // A symlink's target may sit in a folder nobody watches: such a file is stat'ed on every call.
    const link = fs.lstatSync(file).isSymbolicLink();
    return { stamp: `${stat.ino}:${stat.size}:${stat.mtimeNs}`, link };
  } catch {
    // Missing or unreadable: the loader decides what that means; a later change makes a new stamp.
    return { stamp: "-", link: false };
  }
}

interface Entry<T> {
  key: string;
  stamp: string;
  /** The watcher's versions of the files when they were last stat'ed; null: some file is not watched. */
  versions: (string | null)[] | null;
  checkedAt: number;
  value: Promise<T>;
  /** The loaded value, once `value` has resolved. */
  loaded?: { value: T };
}

const sameVersions = (a: readonly (string | null)[], b: readonly (string | null)[]) =>
  a.length === b.length && a.every((version, i) => version !== null && version === b[i]);

/** What fileMemo() returns. */
export interface FileMemo<T> {
  get(): Promise<T>;
  /**
   * The same value as get(), as the value itself once it is loaded (else the promise): a hot path
   * (the gateway) then goes on without an `await`, i.e. without letting other queued work run first.
   */
  peek(): T | Promise<T>;
  clear(): void;
}

/**
 * A value read from files, loaded again only when one of them changes. While the files' folders are
 * watched (file-watch.ts) and the watcher saw no change, a call costs no system call at all; else
 * (and at least every RESTAT_MS) it is one `stat` per file, synchronous on purpose (no thread-pool
 * hop), never a read or a parse. An atomic rename gives a new inode, an in-place write a new mtime or
 * size. While a load runs, callers with the same stamp share it. A value stamped before a change made
 * during its load is replaced at the next call, whose stamp differs.
 */
export function fileMemo<T>(options: FileMemoOptions<T>): FileMemo<T> {
  let last: Entry<T> | null = null;
  /** The current entry: the last one while its files are unchanged, else a new load. */
  const current = (): Entry<T> => {
    const files = options.files();
    const key = [options.key?.() ?? "", ...files].join("\n");
    const now = Date.now();
    // Read before the stats: a change the watcher reports meanwhile is seen by the next call.
    const versions = files.map(watchedVersion);
    if (
      last?.key === key &&
      last.versions !== null &&
      now - last.checkedAt < RESTAT_MS &&
      sameVersions(versions, last.versions)
    )
      return last;
    const stamps = files.map(stamp);
    const stamped = stamps.map((s) => s.stamp).join("\n");
    const watched = stamps.every((s) => !s.link) && versions.every((v) => v !== null) ? versions : null;
    if (last?.key === key && last.stamp === stamped) {
      last.versions = watched;
      last.checkedAt = now;
      return last;
    }
    const value = options.load();
    const entry: Entry<T> = { key, stamp: stamped, versions: watched, checkedAt: now, value };
    last = entry;
    value.then(
      (loaded) => (entry.loaded = { value: loaded }),
      () => undefined,
    );
    // A failed load is not kept: the next call tries again.
    value.catch(() => {
      if (last === entry) last = null;
    });
    return entry;
  };
  return {
    get: () => current().value,
    peek() {
      const entry = current();
      return entry.loaded ? entry.loaded.value : entry.value;
    },
    clear() {
      last = null;
    },
  };
}
