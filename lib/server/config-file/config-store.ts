import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { ConfigParseError, SettingsInput, SettingsPreview, SettingsState } from "@/lib/settings/settings-types";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { validateSettings, type NormalisedSettings } from "@/lib/settings/settings-validation";
import { applySettings, plannedSettings } from "./config-apply";
import { DocSyntaxError } from "./config-cst";
import { ConfigShapeError } from "./config-edit";
import { parseConfigText } from "./config-parse";
import { verifyEdit } from "./config-verify";
import { atomicWrite, describeFsError } from "./atomic-write";
import { AppError } from "@/lib/server/http/errors";
import { configPath } from "@/lib/server/paths";

/** ETag of a config file that does not exist yet. */
export const ABSENT_ETAG = '"absent"';

export interface ConfigSnapshot {
  path: string;
  exists: boolean;
  text: string;
  etag: string;
  /** The parsed JSON5 value; null when the file is missing or malformed. */
  data: unknown | null;
  parseError: ConfigParseError | null;
}

export function etagOf(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
}

/** The config file as it is now: text, ETag of its bytes, parsed value or parse error. */
export async function readConfigSnapshot(): Promise<ConfigSnapshot> {
  const path = configPath();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a regular file, so the config cannot exist there either (writing will say why).
    if (code === "ENOENT" || code === "ENOTDIR")
      return { path, exists: false, text: "", etag: ABSENT_ETAG, data: null, parseError: null };
    const reason =
      code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : code;
    const parseError = { message: `The config file cannot be read (${reason ?? "unknown error"}).` };
    return { path, exists: true, text: "", etag: ABSENT_ETAG, data: null, parseError };
  }
  const text = bytes.toString("utf8");
  const parsed = parseConfigText(text);
  return { path, exists: true, text, etag: etagOf(bytes), ...parsed };
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

/** The new file text; editor failures become clear errors instead of a damaged file. */
function edited(snapshot: ConfigSnapshot, settings: NormalisedSettings): string {
  try {
    const after = applySettings(snapshot.text, settings);
    if (after !== snapshot.text) verifyEdit(snapshot.text, after, plannedSettings(snapshot.text, settings));
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
  refuseMalformed(snapshot);
  return { before: snapshot.text, after: edited(snapshot, validated(input, snapshot)) };
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
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Saves the settings if the file still has the ETag `ifMatch`; else throws a 409 AppError that
 * carries the current state. Returns the state re-read after writing.
 */
export function writeSettings(input: SettingsInput, ifMatch: string): Promise<SettingsState> {
  return serialised(async () => {
    const snapshot = await readConfigSnapshot();
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
    const after = edited(snapshot, validated(input, snapshot));
    if (after === snapshot.text) return stateOf(snapshot);
    try {
      await atomicWrite(snapshot.path, after, { backup: true, mode: 0o600 });
    } catch (error) {
      throw new AppError("config_unwritable", describeFsError(error, snapshot.path));
    }
    return readSettings();
  });
}
