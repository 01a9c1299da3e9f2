import "server-only";
import fs from "node:fs/promises";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import type { ConfigParseError, SettingsInput, SettingsPreview, SettingsState } from "@/lib/settings/settings-types";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { mergedMemory } from "@/lib/settings/facts-plan";
import { huggingfaceBaseUrl, routesThroughDashboard, type OpenClawTarget } from "@/lib/settings/openclaw-route";
import type { NormalisedSettings } from "@/lib/settings/settings-validation";
import { readFactsRecord, writeFactsRecord, type FactsRecord } from "@/lib/server/model-facts/facts-memory";
import { factsInvolved, planFactsStep, type CatalogLoader } from "@/lib/server/model-facts/facts-step";
import { edited, megabytes, refuseMalformed, refuseTooLarge, validated, type FactsPlanner } from "./config-store-edit";
import { configMaxBytes, decodeText, etagOf, parseConfig } from "./config-read";
import type { ConfigWindow } from "./config-window";
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

export async function readSettings(): Promise<SettingsState> {
  const snapshot = await readConfigSnapshot();
  return stateOf(snapshot, (await readFactsRecord(snapshot.path)).enabled);
}

export interface SettingsWriteOptions {
  /** Where model facts come from; without it a save knows only the ids (names derived from them). */
  catalog?: CatalogLoader;
  /** Where the OpenClaw route switch points (openclaw-target.ts); without it the switch is ignored. */
  openClaw?: OpenClawTarget;
}

/** The catalog, read only when the save has model facts to keep or take away; a failure reads as "no live list". */
async function catalogFor(input: SettingsInput, options: SettingsWriteOptions): Promise<CatalogResponse | null> {
  if (!options.catalog || !factsInvolved(await readFactsRecord(configPath()), input.modelFacts)) return null;
  return options.catalog().catch((error: unknown) => {
    console.warn("[model-facts] catalog unavailable:", error instanceof Error ? error.message : error);
    return null;
  });
}

function plannerFor(
  settings: NormalisedSettings,
  record: FactsRecord,
  input: SettingsInput,
  catalog: CatalogResponse | null,
): FactsPlanner {
  return (text, style) => planFactsStep(text, style, settings, record, input.modelFacts, catalog);
}

/** `POST /api/settings/preview`: the file before and after saving `input`, without writing. */
export async function previewSettings(
  input: SettingsInput,
  options: SettingsWriteOptions = {},
): Promise<SettingsPreview> {
  const catalog = await catalogFor(input, options);
  const snapshot = await readConfigSnapshot();
  refuseTooLarge(snapshot);
  refuseMalformed(snapshot);
  const settings = validated(input, snapshot, options.openClaw);
  const record = await readFactsRecord(snapshot.path);
  const result = await edited(snapshot, settings, plannerFor(settings, record, input, catalog));
  return { before: snapshot.text, after: result.text, facts: result.facts?.report ?? null };
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

async function saveFactsRecord(path: string, record: FactsRecord): Promise<void> {
  try {
    await writeFactsRecord(path, record);
  } catch (error) {
    throw new AppError(
      "config_unwritable",
      `The dashboard's data folder is not writable, so it cannot remember which model facts it wrote (${describeFsError(error, "its memory file")})`,
    );
  }
}

/**
 * Saves the settings if the file still has the ETag `ifMatch`; else throws a 409 AppError that
 * carries the current state. Returns the state re-read after writing. With model facts, what the
 * dashboard writes is remembered before the file changes (old and new values both count as its
 * own until the write is done), so a crash in between never makes its values look hand-set.
 */
export async function writeSettings(
  input: SettingsInput,
  ifMatch: string,
  options: SettingsWriteOptions = {},
): Promise<SettingsState> {
  const catalog = await catalogFor(input, options);
  return serialised(async () => {
    const snapshot = await readConfigSnapshot();
    refuseTooLarge(snapshot);
    const record = await readFactsRecord(snapshot.path);
    if (!matches(ifMatch, snapshot.etag)) {
      throw new AppError(
        "conflict",
        "The config file changed since it was loaded (another tab, the OpenClaw CLI or an editor). Review the current settings and save again.",
        undefined,
        {
          current: stateOf(snapshot, record.enabled),
        },
      );
    }
    refuseMalformed(snapshot);
    const settings = validated(input, snapshot, options.openClaw);
    const { text: after, facts } = await edited(snapshot, settings, plannerFor(settings, record, input, catalog));
    if (after !== snapshot.text) {
      if (facts)
        await saveFactsRecord(snapshot.path, { ...record, memory: mergedMemory(record.memory, facts.plan.memory) });
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
    }
    if (facts) await saveFactsRecord(snapshot.path, { enabled: facts.enabled, memory: facts.plan.memory });
    else if (input.modelFacts !== undefined && input.modelFacts !== record.enabled) {
      await saveFactsRecord(snapshot.path, { ...record, enabled: input.modelFacts });
    }
    return readSettings();
  });
}
