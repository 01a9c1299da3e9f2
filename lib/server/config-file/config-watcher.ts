import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Watches the config file for changes made outside the dashboard's request (an editor, the
 * OpenClaw CLI, another tab's save). It watches folders, not the file: editors often write a new
 * file and rename it over the old one, which a watch on the file itself would lose. A symlinked
 * config is watched in the link's folder (the link re-pointed) and in every target's folder.
 * Events are debounced and confirmed by a stat and then the file's ETag, so a change is reported
 * once. Where watching fails (no inotify slots, the folder does not exist yet) it polls instead.
 */

export interface WatchedFile {
  etag: string;
}

export interface ConfigWatcherOptions<T extends WatchedFile> {
  file: string;
  /** Reads the file and says its ETag (and whatever else a change should carry). */
  read: () => Promise<T>;
  /** Called with what `read` gave, each time the file's bytes changed. */
  onChange: (file: T) => void;
  debounceMs?: number;
  pollMs?: number;
  /** fs.watch, replaceable in tests to act out a platform where watching fails. */
  watch?: typeof fs.watch;
}

export interface ConfigWatcher {
  /** Settles once the file was read a first time and the watch (or the polling) is set up. */
  ready: Promise<void>;
  /** How it is watching now, for tests and logs. */
  mode(): "watch" | "poll" | "closed";
  close(): void;
}

const MAX_HOPS = 40;

/** The path, each link on the way to the real file, and the real file (a link to a link to a file). */
async function chainOf(file: string): Promise<string[]> {
  const chain = [file];
  let current = file;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const stat = await fs.promises.lstat(current).catch(() => undefined);
    // The link may be replaced between the two calls; the next check sees the new one.
    const target = stat?.isSymbolicLink() ? await fs.promises.readlink(current).catch(() => undefined) : undefined;
    if (target === undefined) break;
    current = path.resolve(path.dirname(current), target);
    chain.push(current);
  }
  // A linked folder on the way: the real file may sit elsewhere still.
  const real = await fs.promises.realpath(file).catch(() => undefined);
  if (real && !chain.includes(real)) chain.push(real);
  return chain;
}

/** What changes when the file's bytes may have: checked before reading a file that may be big. */
async function signature(file: string): Promise<string> {
  const stat = await fs.promises.stat(file).catch(() => undefined);
  return stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : "absent";
}

export function watchConfigFile<T extends WatchedFile>(options: ConfigWatcherOptions<T>): ConfigWatcher {
  const { file, read, onChange } = options;
  const debounceMs = options.debounceMs ?? 40;
  const pollMs = options.pollMs ?? 500;
  const watch = options.watch ?? fs.watch;
  let closed = false;
  let watchers: fs.FSWatcher[] = [];
  let watchedKey = "";
  let names = new Set<string>();
  let poller: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let lastSignature: string | undefined;
  let lastEtag: string | undefined;

  const stopWatching = () => {
    for (const watcher of watchers) watcher.close();
    watchers = [];
    watchedKey = "";
  };

  const startPolling = () => {
    stopWatching();
    if (poller || closed) return;
    poller = setInterval(() => void check(), pollMs);
    poller.unref();
  };

  /** Watches the folder of every step of the chain; false when the platform refuses. */
  const arm = async (): Promise<boolean> => {
    const chain = await chainOf(file);
    const folders = [...new Set(chain.map((step) => path.dirname(step)))];
    const key = folders.join("\n");
    names = new Set(chain.map((step) => path.basename(step)));
    if (key === watchedKey && watchers.length) return true;
    stopWatching();
    try {
      for (const folder of folders) {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name === null || names.has(String(name))) schedule();
        });
        watcher.on("error", () => {
          if (!closed) startPolling();
        });
        watchers.push(watcher);
      }
    } catch {
      stopWatching();
      return false;
    }
    watchedKey = key;
    return true;
  };

  const check = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const now = await signature(file);
        if (now !== lastSignature) {
          lastSignature = now;
          const result = await read();
          if (!closed && lastEtag !== undefined && result.etag !== lastEtag) onChange(result);
          lastEtag = result.etag;
        }
        // A link may now point elsewhere, or a missing folder may exist now: watch what is there.
        if (poller && !closed && (await arm())) {
          clearInterval(poller);
          poller = undefined;
        } else if (!poller && !closed && !(await arm())) startPolling();
      } while (again && !closed);
    } catch (error) {
      console.warn("[config watcher] could not check the config file:", error);
    } finally {
      running = false;
    }
  };

  function schedule() {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void check(), debounceMs);
    debounce.unref();
  }

  const ready = (async () => {
    lastSignature = await signature(file);
    lastEtag = (await read().catch(() => undefined))?.etag ?? "";
    if (closed) return;
    if (!(await arm().catch(() => false))) startPolling();
    // A change between the first read and the watch being set up is not lost.
    schedule();
  })();

  return {
    ready,
    mode: () => (closed ? "closed" : poller ? "poll" : "watch"),
    close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(poller);
      poller = undefined;
      stopWatching();
    },
  };
}
