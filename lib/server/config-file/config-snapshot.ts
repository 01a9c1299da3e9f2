import "server-only";
import fs from "node:fs/promises";
import type { ConfigParseError, SettingsState } from "@/lib/settings/settings-types";
import { huggingfaceBaseUrl, routesThroughDashboard } from "@/lib/settings/openclaw-route";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { configMaxBytes, megabytes } from "./config-read";
import { OFF_THREAD_BYTES, runConfigJob } from "./config-worker-client";
import { sharedBytes } from "./shared-bytes";
import { removeStaleTemps } from "./temp-files";
import { writeTarget } from "./write-target";
import { configPath } from "@/lib/server/paths";

/** ETag of a config file that does not exist yet. */
export const ABSENT_ETAG = '"absent"';

export interface ConfigSnapshot {
  path: string;
  exists: boolean;
  /**
   * The exact bytes read (absent for a missing, unreadable or too large file). The text is not
   * kept: decoding and scanning a big file runs on the config worker (config-jobs.ts).
   */
  bytes?: Buffer;
  etag: string;
  /** The dashboard's keys of the parsed config (config-window.ts); null when missing or malformed. */
  data: unknown | null;
  parseError: ConfigParseError | null;
  /** Set when the file is over `CONFIG_MAX_BYTES`: it is neither read nor written. */
  tooLarge?: { bytes: number; limit: number };
}

/**
 * A big file is read straight into shared memory, so the config worker gets it without a copy
 * (config-worker-client.ts). The size is taken from the open file: it may have changed since stat.
 */
async function readShared(path: string): Promise<Buffer> {
  const handle = await fs.open(path, "r");
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    for (let read = -1; read !== 0 && at < size; at += read) {
      ({ bytesRead: read } = await handle.read(bytes, at, size - at, at));
    }
    // Written to meanwhile (rare: the dashboard's own writes are atomic renames): read as it is now.
    if (at < size || (await handle.read(Buffer.alloc(1), 0, 1, size)).bytesRead > 0)
      return sharedBytes(await handle.readFile());
    return bytes;
  } finally {
    await handle.close();
  }
}

const cleaned = new Set<string>();

/** Temp files of writes interrupted before this process started go at the first read (and before each write). */
async function cleanOnce(path: string): Promise<void> {
  if (cleaned.has(path)) return;
  cleaned.add(path);
  await removeStaleTemps(await writeTarget(path).catch(() => path));
}

/** The config file as it is now: its bytes, their ETag, the parsed value or the parse error. */
export async function readConfigSnapshot(): Promise<ConfigSnapshot> {
  const path = configPath();
  await cleanOnce(path);
  const absent = { path, exists: false, etag: ABSENT_ETAG, data: null, parseError: null };
  let bytes: Buffer;
  try {
    const { size, mtimeMs } = await fs.stat(path);
    const limit = configMaxBytes();
    if (size > limit) {
      const message = `The config file is too large to read safely (${megabytes(size)}; the limit is ${megabytes(limit)}, set by CONFIG_MAX_BYTES).`;
      const etag = `"too-large-${size}-${Math.round(mtimeMs)}"`;
      return { ...absent, exists: true, etag, parseError: { message }, tooLarge: { bytes: size, limit } };
    }
    bytes = size < OFF_THREAD_BYTES ? await fs.readFile(path) : await readShared(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a regular file, so the config cannot exist there either (writing will say why).
    if (code === "ENOENT" || code === "ENOTDIR") return absent;
    const reason =
      code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code;
    const parseError = { message: `The config file cannot be read (${reason ?? "unknown error"}).` };
    return { ...absent, exists: true, parseError };
  }
  return { path, exists: true, bytes, ...(await runConfigJob("inspect", { bytes }, bytes.length)) };
}

/** The settings in the file; `modelFacts` is the switch the dashboard keeps beside it (facts-memory.ts). */
export function stateOf(snapshot: ConfigSnapshot, modelFacts = false): SettingsState {
  const settings = snapshot.data === null ? null : settingsFromConfig(snapshot.data);
  const baseUrl = snapshot.data === null ? null : huggingfaceBaseUrl(snapshot.data);
  return {
    configPath: snapshot.path,
    etag: snapshot.etag,
    exists: snapshot.exists,
    parseError: snapshot.parseError,
    primary: settings?.primary ?? null,
    fallbacks: settings?.fallbacks ?? [],
    aliases: settings?.aliases ?? {},
    unmanaged: settings?.unmanaged ?? { primary: null, fallbacks: [], aliases: {} },
    modelFacts,
    routeOpenClaw: routesThroughDashboard(baseUrl),
    openClawBaseUrl: baseUrl,
  };
}
