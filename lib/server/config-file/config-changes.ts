import "server-only";
import { readFactsRecord } from "@/lib/server/model-facts/facts-memory";
import { configPath } from "@/lib/server/paths";
import type { SettingsState } from "@/lib/settings/settings-types";
import { bumpConfigGeneration } from "./config-generation";
import { keepNoticed, readConfigSnapshot, stateOf } from "./config-store";
import { watchConfigFile, type ConfigWatcher } from "./config-watcher";

/** The config file changed on disk: its new ETag, and the settings it holds now. */
export interface ConfigChange {
  configPath: string;
  etag: string;
  state: SettingsState;
}

export type ConfigChangeListener = (change: ConfigChange) => void;

/** Unsubscribes; `ready` settles once the watcher has read the file and watches it. */
export type ConfigSubscription = (() => void) & { ready: Promise<void> };

interface WatchState {
  file: string;
  watcher: ConfigWatcher;
  listeners: Set<ConfigChangeListener>;
}

// One watcher per process, shared by every subscriber: on globalThis, since Next may load this
// module once per route bundle.
const KEY = Symbol.for("hf-model-picker.config-watch");
const holder = globalThis as { [KEY]?: WatchState };

function start(file: string, listeners: Set<ConfigChangeListener>): WatchState {
  const watcher = watchConfigFile({
    file,
    read: async () => {
      const snapshot = await readConfigSnapshot();
      // A version changed outside the dashboard is kept in the history as soon as it is seen;
      // in the background, so open pages hear of the change without waiting for the history's fsyncs.
      void keepNoticed(snapshot);
      // With the model facts switch as the dashboard keeps it: pages take these settings as they are.
      return { etag: snapshot.etag, state: stateOf(snapshot, (await readFactsRecord(snapshot.path)).enabled) };
    },
    onChange: ({ etag, state }) => {
      // Before the listeners: a page that refetches on this event must not get a cached answer.
      bumpConfigGeneration();
      for (const listener of [...listeners]) {
        try {
          listener({ configPath: file, etag, state });
        } catch (error) {
          console.error("[config watcher] a listener failed:", error);
        }
      }
    },
  });
  return { file, watcher, listeners };
}

/**
 * Calls `listener` each time the config file's bytes change on disk, whoever changed them (the
 * dashboard's own saves included). The watcher starts with the first subscriber and stops after
 * the last one leaves. Returns the unsubscribe function. For the events route, and for any module
 * that caches what the file says.
 */
export function onConfigChange(listener: ConfigChangeListener): ConfigSubscription {
  const file = configPath();
  let state = holder[KEY];
  if (state && state.file !== file) {
    state.watcher.close();
    state = start(file, state.listeners);
  }
  state ??= start(file, new Set());
  holder[KEY] = state;
  state.listeners.add(listener);
  const current = state;
  const unsubscribe = () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0 && holder[KEY] === current) {
      current.watcher.close();
      delete holder[KEY];
    }
  };
  return Object.assign(unsubscribe, { ready: current.watcher.ready });
}
