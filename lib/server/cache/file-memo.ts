import "server-only";
import fs from "node:fs";

export interface FileMemoOptions<T> {
  /** The files the value is read from (evaluated each call: tests and the env may move them). */
  files: () => readonly string[];
  /** Anything else the value depends on, e.g. environment variables; compared as a string. */
  key?: () => string;
  load: () => Promise<T>;
}

/** What identifies a file's bytes without reading them: inode, size, mtime (ns on ext4/APFS). */
function stamp(file: string): string {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    // Missing or unreadable: the loader decides what that means; a later change makes a new stamp.
    return "-";
  }
}

/**
 * A value read from files, loaded again only when one of them changes. The check is one `stat`
 * per file per call (microseconds, synchronous on purpose: no thread-pool hop), never a read or
 * a parse; an atomic rename gives a new inode, an in-place write a new mtime or size. While a
 * load runs, callers with the same stamp share it. A value stamped before a change made during
 * its load is replaced at the next call, whose stamp differs.
 */
export function fileMemo<T>(options: FileMemoOptions<T>): { get: () => Promise<T>; clear: () => void } {
  let last: { stamp: string; value: Promise<T> } | null = null;
  return {
    get() {
      const now = [options.key?.() ?? "", ...options.files().map((file) => `${file}=${stamp(file)}`)].join("\n");
      if (last?.stamp === now) return last.value;
      const value = options.load();
      const entry = { stamp: now, value };
      last = entry;
      // A failed load is not kept: the next call tries again.
      value.catch(() => {
        if (last === entry) last = null;
      });
      return value;
    },
    clear() {
      last = null;
    },
  };
}
