import "server-only";
import path from "node:path";
import { createHash } from "node:crypto";
import { summariseChange, type VersionSettings } from "@/lib/settings/change-summary";
import { settingsFromConfig } from "@/lib/settings/config-models";
import type { VersionMeta, VersionSource } from "@/lib/settings/history-types";
import { runConfigJob } from "@/lib/server/config-file/config-worker-client";
import { serverEnv } from "@/lib/server/env";
import { configPath, dataDir } from "@/lib/server/paths";
import { resolveToken } from "@/lib/server/token/token-store";
import { HistoryStore } from "./history-store";

/**
 * The config history (README, "Config history"): every version the dashboard saves, restores or
 * notices on disk, with a one-line summary. Failures here are logged and never stop a save.
 */

/** What a version is made of: its exact bytes, their ETag, and the config as parsed (null when malformed). */
export interface VersionContent {
  bytes: Buffer;
  etag: string;
  data: unknown | null;
}

const STORES = Symbol.for("hf-model-picker.config-history-stores");
const OWN = Symbol.for("hf-model-picker.config-history-own-writes");
const holder = globalThis as { [STORES]?: Map<string, HistoryStore>; [OWN]?: Map<string, number> };

/** The history of the config file in use (one folder per config path, named by a hash of the path). */
export function historyStore(): HistoryStore {
  const file = configPath();
  const dir = path.join(dataDir(), "config-history", createHash("sha256").update(file).digest("hex").slice(0, 16));
  const stores = (holder[STORES] ??= new Map());
  let store = stores.get(dir);
  if (!store || store.limit !== serverEnv().CONFIG_HISTORY_VERSIONS) {
    store = new HistoryStore(dir, file, serverEnv().CONFIG_HISTORY_VERSIONS);
    stores.set(dir, store);
  }
  return store;
}

/**
 * ETags the dashboard itself is writing right now: noticing one of them on disk (the watcher, a
 * read) is not an outside change; the writer records it with its own source once the write is done.
 */
export function expectOwnWrite(etag: string): () => void {
  const own = (holder[OWN] ??= new Map());
  own.set(etag, (own.get(etag) ?? 0) + 1);
  return () => {
    const count = (own.get(etag) ?? 1) - 1;
    if (count > 0) own.set(etag, count);
    else own.delete(etag);
  };
}

function isOwnWrite(etag: string): boolean {
  return (holder[OWN]?.get(etag) ?? 0) > 0;
}

function settingsOf(data: unknown | null): VersionSettings {
  if (data === null) return null;
  const { primary, fallbacks, aliases } = settingsFromConfig(data);
  return { primary, fallbacks, aliases };
}

async function settingsOfVersion(store: HistoryStore, meta: VersionMeta): Promise<VersionSettings | undefined> {
  const bytes = await store.bytesOf(meta.etag);
  if (!bytes) return undefined;
  return settingsOf((await runConfigJob("inspect", { bytes }, bytes.length)).data);
}

/**
 * True when the bytes hold the token in use or anything shaped like an HF token: such a version is
 * not kept. The search runs on the config worker for a big file (config-jobs.ts).
 */
async function holdsToken(bytes: Buffer): Promise<boolean> {
  const token = await resolveToken().catch(() => null);
  return runConfigJob("token", { bytes, token: token?.value ?? null }, bytes.length);
}

let warnedToken = false;

/**
 * Keeps `content` as a new version unless it is already the newest. `previous` is what the
 * version it replaced says, when the caller knows it (a save); else it is read from the newest kept.
 */
export async function recordVersion(
  content: VersionContent,
  source: VersionSource,
  previous?: VersionSettings,
  prefix = "",
): Promise<VersionMeta | null> {
  try {
    if (await holdsToken(content.bytes)) {
      if (!warnedToken) console.warn("[history] a version of the config holds an HF token; it is not kept");
      warnedToken = true;
      return null;
    }
    const store = historyStore();
    return await store.append(
      {
        bytes: content.bytes,
        etag: content.etag,
        source,
        summarise: async (newest) => {
          const before =
            previous !== undefined ? previous : newest ? await settingsOfVersion(store, newest) : undefined;
          return `${prefix}${summariseChange(before, settingsOf(content.data))}`;
        },
      },
      (newest) => newest?.etag === content.etag,
    );
  } catch (error) {
    console.error("[history] could not keep a version of the config:", error);
    return null;
  }
}

/** A version seen on disk (a read, the watcher): kept as an outside change unless the dashboard is writing it. */
export async function noticeVersion(content: VersionContent): Promise<void> {
  if (isOwnWrite(content.etag)) return;
  await recordVersion(content, "outside");
}
