import "server-only";
import fs from "node:fs";
import path from "node:path";

/*
 * Change signals for single files, from one `fs.watch` per folder (a folder, not the file: editors
 * and atomic writes rename a new file over the old one, which a watch on the file would lose).
 * fileMemo uses them to skip its per-request `stat` while a file's folder is watched and nothing
 * in it changed. Where watching fails (no inotify slots, a symlinked file whose target sits
 * elsewhere) the file counts as unwatched and callers stat it as before.
 */

interface FolderWatch {
  watcher: fs.FSWatcher | null;
  /** Per file name asked about (watchedVersion): how many changes were seen. Other names are ignored. */
  changes: Map<string, number>;
  /** Bumped for every file of the folder (an event without a name, the watch failing). */
  all: number;
  /** When arming last failed (ms since epoch): retried at most once a second. */
  failedAt: number;
}

// One registry per process, shared by every route bundle that loaded this module.
const KEY = Symbol.for("hf-model-picker.file-watch");
const holder = globalThis as { [KEY]?: Map<string, FolderWatch> };
const folders = (holder[KEY] ??= new Map());

const RETRY_MS = 1000;

/** Watches the folder itself; false when it does not exist (or cannot be watched). */
function watchFolder(folder: string, watch: FolderWatch): boolean {
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
      if (name === null) watch.all += 1;
      else {
        const count = watch.changes.get(String(name));
        if (count !== undefined) watch.changes.set(String(name), count + 1);
      }
    });
  } catch {
    return false;
  }
  watcher.on("error", () => lost(watch, watcher, Date.now()));
  watch.watcher = watcher;
  return true;
}

/** The watch stopped: every file of the folder counts as changed, and arming is tried again after `failedAt`. */
function lost(watch: FolderWatch, watcher: fs.FSWatcher, failedAt: number): void {
  watcher.close();
  if (watch.watcher !== watcher) return;
  watch.watcher = null;
  watch.all += 1;
  watch.failedAt = failedAt;
}

/**
 * A folder that does not exist yet (the data folder before the first save): its files cannot exist
 * either, so watching the nearest existing ancestor for the missing step is enough. When that step
 * appears the folder is watched itself, at the next call.
 */
function watchAncestor(folder: string, watch: FolderWatch): boolean {
  let child = folder;
  for (let parent = path.dirname(child); parent !== child; child = parent, parent = path.dirname(child)) {
    if (!fs.existsSync(parent)) continue;
    const step = path.basename(child);
    try {
      const watcher = fs.watch(parent, { persistent: false }, (_event, name) => {
        if (name === null || String(name) === step) lost(watch, watcher, 0);
      });
      watcher.on("error", () => lost(watch, watcher, Date.now()));
      watch.watcher = watcher;
      // The step may have appeared between the check and the watch.
      if (fs.existsSync(child)) lost(watch, watcher, 0);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

function arm(folder: string, watch: FolderWatch): void {
  if (watchFolder(folder, watch) || (!fs.existsSync(folder) && watchAncestor(folder, watch))) return;
  watch.watcher = null;
  watch.failedAt = Date.now();
}

function folderWatch(folder: string): FolderWatch {
  let watch = folders.get(folder);
  if (!watch) {
    watch = { watcher: null, changes: new Map(), all: 0, failedAt: 0 };
    folders.set(folder, watch);
    arm(folder, watch);
  } else if (!watch.watcher && Date.now() - watch.failedAt >= RETRY_MS) {
    // The folder may exist now; a change made while it was not watched is caught by the caller's stat.
    watch.all += 1;
    arm(folder, watch);
  }
  return watch;
}

/**
 * A number that moves whenever `file` may have changed, or null when its folder is not watched (the
 * caller must then stat the file). Only meaningful compared with an earlier value for the same file.
 */
export function watchedVersion(file: string): string | null {
  const watch = folderWatch(path.dirname(file));
  if (!watch.watcher) return null;
  const name = path.basename(file);
  let count = watch.changes.get(name);
  if (count === undefined) watch.changes.set(name, (count = 0));
  return `${watch.all}.${count}`;
}

/**
 * Marks `file` changed at once, for writes this process makes itself: a cache must not answer the
 * old value in the moment before the watcher's event arrives.
 */
export function noteFileChanged(file: string): void {
  const watch = folders.get(path.dirname(file));
  if (!watch) return;
  const name = path.basename(file);
  const count = watch.changes.get(name);
  if (count !== undefined) watch.changes.set(name, count + 1);
}

/** Stops every watch (tests). */
export function closeFileWatches(): void {
  for (const watch of folders.values()) watch.watcher?.close();
  folders.clear();
}
