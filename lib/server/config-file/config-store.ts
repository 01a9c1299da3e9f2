import "server-only";
import fs from "node:fs/promises";
import type { ConfigParseError, SettingsInput, SettingsPreview, SettingsState } from "@/lib/settings/settings-types";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { validateSettings, type NormalisedSettings } from "@/lib/settings/settings-validation";
import { applySettings, plannedSettings } from "./config-apply";
import { DocSyntaxError } from "./config-cst";
import { ConfigShapeError } from "./config-edit";
import { configMaxBytes, decodeText, etagOf, parseConfig } from "./config-read";
import { verifyEdit } from "./config-verify";
import { checkClosed, closeWindow, type ConfigWindow } from "./config-window";
import { atomicWrite, describeFsError } from "./atomic-write";
import { removeStaleTemps } from "./temp-files";
import { DanglingLinkError, writeTarget } from "./write-target";
import { AppError } from "@/lib/server/http/errors";
import { configPath } from "@/lib/server/paths";

/** ETag of a config file that does not exist yet. */
export const ABSENT_ETAG = '"absent"';

export interface ConfigSnapshot {
  path: string;
  exists: boolean;
  text: string;
  etag: string;
  /** The dashboard's keys of the parsed config (config-window.ts); null when missing or malformed. */
  data: unknown | null;
  parseError: ConfigParseError | null;
  /** What edits run on; null for a missing, blank or unreadable file. */
  window: ConfigWindow | null;
  /** Set when the file is over `CONFIG_MAX_BYTES`: it is neither read nor written. */
  tooLarge?: { bytes: number; limit: number };
}

function megabytes(bytes: number): string {
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
  return { path, exists: true, text, etag: await etagOf(bytes), ...parsed };
}

export function stateOf(snapshot: ConfigSnapshot): SettingsState {
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
  };
}

export async function readSettings(): Promise<SettingsState> {
  return stateOf(await readConfigSnapshot());
}

function refuseMalformed(snapshot: ConfigSnapshot): void {
  const error = snapshot.parseError;
  if (!error) return;
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ""})` : "";
  throw new AppError(
    "config_invalid",
    `${snapshot.path} is not valid JSON5${where}: ${error.message}. Fix it first; nothing was written.`,
  );
}

function validated(input: SettingsInput, snapshot: ConfigSnapshot): NormalisedSettings {
  const state = stateOf(snapshot);
  const result = validateSettings(input, {
    externalPrimary: state.unmanaged?.primary ?? null,
    externalAliases: state.unmanaged?.aliases ?? {},
  });
  if (result.issues.length > 0) {
    throw new AppError("validation", "Some settings are not valid; nothing was written.", result.issues);
  }
  return result.settings;
}

/** The edit itself: on the window of the file (or on the whole text when it is blank), verified, closed. */
async function editText(snapshot: ConfigSnapshot, settings: NormalisedSettings): Promise<string> {
  const window = snapshot.window;
  if (!window) {
    if (snapshot.text.trim() !== "") throw new DocSyntaxError("its syntax could not be scanned");
    const after = applySettings(snapshot.text, settings);
    if (after !== snapshot.text) verifyEdit(snapshot.text, after, plannedSettings(snapshot.text, settings));
    return after;
  }
  const after = applySettings(window.text, settings, window.style);
  if (after === window.text) return snapshot.text;
  verifyEdit(window.text, after, plannedSettings(window.text, settings));
  const text = closeWindow(window, after);
  await checkClosed(window, after, text);
  return text;
}

function refuseTooLarge(snapshot: ConfigSnapshot, bytes?: number): void {
  const limit = configMaxBytes();
  const size = snapshot.tooLarge?.bytes ?? bytes ?? 0;
  if (size <= limit) return;
  throw new AppError(
    "config_too_large",
    `${snapshot.path} is too large to edit safely (${megabytes(size)}; the limit is ${megabytes(limit)}, set by CONFIG_MAX_BYTES). Nothing was written.`,
  );
}

/** The new file text; editor failures become clear errors instead of a damaged file. */
async function edited(snapshot: ConfigSnapshot, settings: NormalisedSettings): Promise<string> {
  try {
    const after = await editText(snapshot, settings);
    refuseTooLarge(snapshot, Buffer.byteLength(after));
    return after;
  } catch (error) {
    if (error instanceof ConfigShapeError) {
      throw new AppError("config_invalid", `${error.message} in ${snapshot.path}; fix it first. Nothing was written.`);
    }
    if (error instanceof DocSyntaxError) {
      const where = error.line ? ` at line ${error.line}` : "";
      throw new AppError(
        "config_invalid",
        `${snapshot.path} uses JSON5 the dashboard cannot edit safely${where} (${error.message}). Nothing was written.`,
      );
    }
    throw error;
  }
}

/** `POST /api/settings/preview`: the file before and after saving `input`, without writing. */
export async function previewSettings(input: SettingsInput): Promise<SettingsPreview> {
  const snapshot = await readConfigSnapshot();
  refuseTooLarge(snapshot);
  refuseMalformed(snapshot);
  return { before: snapshot.text, after: await edited(snapshot, validated(input, snapshot)) };
}

function stripEtag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, "")
    .replace(/^"(.*)"$/, "$1");
}

function matches(ifMatch: string, etag: string): boolean {
  return ifMatch.split(",").some((candidate) => candidate.trim() === "*" || stripEtag(candidate) === stripEtag(etag));
}

// One write at a time in this process; a chain rather than a lock file, since only this server writes here.
// On globalThis: Next may load this module once per route bundle.
const QUEUE = Symbol.for("hf-model-picker.config-write-queue");
const holder = globalThis as { [QUEUE]?: Promise<unknown> };

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = (holder[QUEUE] ?? Promise.resolve()).then(task, task);
  holder[QUEUE] = run.catch(() => undefined);
  return run;
}

/**
 * Saves the settings if the file still has the ETag `ifMatch`; else throws a 409 AppError that
 * carries the current state. Returns the state re-read after writing.
 */
export function writeSettings(input: SettingsInput, ifMatch: string): Promise<SettingsState> {
  return serialised(async () => {
    const snapshot = await readConfigSnapshot();
    refuseTooLarge(snapshot);
    if (!matches(ifMatch, snapshot.etag)) {
      throw new AppError(
        "conflict",
        "The config file changed since it was loaded (another tab, the OpenClaw CLI or an editor). Review the current settings and save again.",
        undefined,
        {
          current: stateOf(snapshot),
        },
      );
    }
    refuseMalformed(snapshot);
    const after = await edited(snapshot, validated(input, snapshot));
    if (after === snapshot.text) return stateOf(snapshot);
    try {
      await atomicWrite(snapshot.path, after, { backup: true, mode: 0o600 });
    } catch (error) {
      if (error instanceof DanglingLinkError) {
        throw new AppError(
          "config_unwritable",
          `${snapshot.path} is a symbolic link to ${error.target}, which does not exist. Restore the target or remove the link; nothing was written.`,
        );
      }
      throw new AppError("config_unwritable", describeFsError(error, snapshot.path));
    }
    return readSettings();
  });
}
