import "server-only";
import fs from "node:fs/promises";
import type { ConfigParseError, SettingsState } from "@/lib/settings/settings-types";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { configMaxBytes, decodeText, etagOf, parseConfig } from "./config-read";
import type { ConfigWindow } from "./config-window";
import { removeStaleTemps } from "./temp-files";
import { writeTarget } from "./write-target";
import { configPath } from "@/lib/server/paths";

/** ETag of a config file that does not exist yet. */
export const ABSENT_ETAG = '"absent"';

export interface ConfigSnapshot {
  path: string;
  exists: boolean;
  text: string;
  /** The exact bytes read (absent for a missing, unreadable or too large file). */
  bytes?: Buffer;
  etag: string;
  /** The dashboard's keys of the parsed config (config-window.ts); null when missing or malformed. */
  data: unknown | null;
  parseError: ConfigParseError | null;
  /** What edits run on; null for a missing, blank or unreadable file. */
  window: ConfigWindow | null;
  /** Set when the file is over `CONFIG_MAX_BYTES`: it is neither read nor written. */
  tooLarge?: { bytes: number; limit: number };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const cleaned = new Set<string>();

/** Temp files of writes interrupted before this process started go at the first read (and before each write). */
async function cleanOnce(path: string): Promise<void> {
  if (cleaned.has(path)) return;
  cleaned.add(path);
  await removeStaleTemps(await writeTarget(path).catch(() => path));
}

/** The config file as it is now: text, ETag of its bytes, parsed value or parse error. */
export async function readConfigSnapshot(): Promise<ConfigSnapshot> {
  const path = configPath();
  await cleanOnce(path);
  const absent = { path, exists: false, text: "", etag: ABSENT_ETAG, data: null, parseError: null, window: null };
  let bytes: Buffer;
  try {
    const { size, mtimeMs } = await fs.stat(path);
    const limit = configMaxBytes();
    if (size > limit) {
      const message = `The config file is too large to read safely (${megabytes(size)}; the limit is ${megabytes(limit)}, set by CONFIG_MAX_BYTES).`;
      const etag = `"too-large-${size}-${Math.round(mtimeMs)}"`;
      return { ...absent, exists: true, etag, parseError: { message }, tooLarge: { bytes: size, limit } };
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a regular file, so the config cannot exist there either (writing will say why).
    if (code === "ENOENT" || code === "ENOTDIR") return absent;
    const reason =
      code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code;
    const parseError = { message: `The config file cannot be read (${reason ?? "unknown error"}).` };
    return { ...absent, exists: true, parseError };
  }
  const text = await decodeText(bytes);
  const parsed = await parseConfig(text);
  return { path, exists: true, text, bytes, etag: await etagOf(bytes), ...parsed };
}

/** The settings in the file; `modelFacts` is the switch the dashboard keeps beside it (facts-memory.ts). */
export function stateOf(snapshot: ConfigSnapshot, modelFacts = false): SettingsState {
  const settings = snapshot.data === null ? null : settingsFromConfig(snapshot.data);
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
  };
}
