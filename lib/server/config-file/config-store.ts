import "server-only";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import type { SettingsInput, SettingsPreview, SettingsState } from "@/lib/settings/settings-types";
import type { VersionMeta, VersionSource } from "@/lib/settings/history-types";
import type { VersionSettings } from "@/lib/settings/change-summary";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { mergedMemory } from "@/lib/settings/facts-plan";
import type { OpenClawTarget } from "@/lib/settings/openclaw-route";
import { readFactsRecord, writeFactsRecord, type FactsRecord } from "@/lib/server/model-facts/facts-memory";
import { factsInvolved, type CatalogLoader } from "@/lib/server/model-facts/facts-step";
import type { DesiredSettings } from "./config-apply";
import { refuseConflict, refuseMalformed, unwritable, validated } from "./config-store-edit";
import { refuseTooLarge } from "./config-file-edit";
import type { EditOutput } from "./config-jobs";
import { configMaxBytes } from "./config-read";
import { runConfigJob } from "./config-worker-client";
import { asBuffer } from "./shared-bytes";
import { bumpConfigGeneration } from "./config-generation";
import { readConfigSnapshot, stateOf, type ConfigSnapshot } from "./config-snapshot";
import { atomicWrite, describeFsError } from "./atomic-write";
import { AppError } from "@/lib/server/http/errors";
import { configPath } from "@/lib/server/paths";
import { expectOwnWrite, noticeVersion, recordVersion } from "@/lib/server/history/config-history";

export { ABSENT_ETAG, readConfigSnapshot, stateOf, type ConfigSnapshot } from "./config-snapshot";

/**
 * The settings as the file has them. With `keepVersion`, a version the history does not have yet
 * (changed by an editor or the CLI) is kept as an outside change: the settings page reads this way.
 */
export async function readSettings(options: { keepVersion?: boolean } = {}): Promise<SettingsState> {
  const snapshot = await readConfigSnapshot();
  if (options.keepVersion) await keepNoticed(snapshot);
  return stateOf(snapshot, (await readFactsRecord(snapshot.path)).enabled);
}

/** Keeps a version read from disk in the history, if it is new to it. */
export async function keepNoticed(snapshot: ConfigSnapshot): Promise<void> {
  if (snapshot.bytes) await noticeVersion({ bytes: snapshot.bytes, etag: snapshot.etag, data: snapshot.data });
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

/** The edit of a save or a preview, on the config worker for a big file (config-jobs.ts). */
async function editFor(
  snapshot: ConfigSnapshot,
  settings: DesiredSettings,
  record: FactsRecord,
  input: SettingsInput,
  catalog: CatalogResponse | null,
  texts = false,
): Promise<EditOutput> {
  const bytes = snapshot.bytes ?? Buffer.alloc(0);
  const facts = { record, wanted: input.modelFacts, catalog };
  const edit = { path: snapshot.path, bytes, settings, facts, limit: configMaxBytes(), texts };
  return runConfigJob("edit", edit, bytes.length);
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
  const result = await editFor(snapshot, settings, record, input, catalog, true);
  const texts = result.texts ?? { before: "", after: "" };
  return { before: texts.before, after: texts.after, facts: result.facts?.report ?? null };
}

// One write at a time in this process; a chain rather than a lock file, since only this server writes here.
// On globalThis: Next may load this module once per route bundle.
const QUEUE = Symbol.for("hf-model-picker.config-write-queue");
const holder = globalThis as { [QUEUE]?: Promise<unknown> };

function serialised<T>(task: () => Promise<T>): Promise<T> {
  // Whatever the task wrote (config, facts memory), caches of the file read it again afterwards.
  const written = () => task().finally(bumpConfigGeneration);
  const run = (holder[QUEUE] ?? Promise.resolve()).then(written, written);
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

/** What the file said before a save; a file that did not exist yet said nothing (not "invalid JSON5"). */
function settingsOf(snapshot: ConfigSnapshot): VersionSettings {
  const { primary, fallbacks, aliases } = stateOf(snapshot);
  if (!snapshot.exists) return { primary: null, fallbacks: [], aliases: {} };
  return snapshot.data === null ? null : { primary, fallbacks, aliases };
}

interface Committed {
  snapshot: ConfigSnapshot;
  version: VersionMeta | null;
}

/**
 * Writes `data` over the file read as `before`, keeping both versions in the history: the one it
 * replaces (if the history lacks it) and the new one, with `source` and a summary.
 */
async function commit(
  before: ConfigSnapshot,
  { bytes, etag }: { bytes: Buffer; etag: string },
  source: VersionSource,
  summaryPrefix = "",
): Promise<Committed> {
  await keepNoticed(before);
  const release = expectOwnWrite(etag);
  try {
    try {
      await atomicWrite(before.path, bytes, { backup: true, mode: 0o600 });
    } catch (error) {
      throw unwritable(error, before.path);
    }
    const snapshot = await readConfigSnapshot();
    // Someone else may have written in the instant since; then theirs is noticed as theirs.
    const version =
      snapshot.etag === etag
        ? await recordVersion({ bytes, etag, data: snapshot.data }, source, settingsOf(before), summaryPrefix)
        : null;
    return { snapshot, version };
  } finally {
    release();
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
    refuseConflict(snapshot, ifMatch, record.enabled);
    refuseMalformed(snapshot);
    const settings = validated(input, snapshot, options.openClaw);
    const { after, facts } = await editFor(snapshot, settings, record, input, catalog);
    let current = snapshot;
    if (after) {
      if (facts)
        await saveFactsRecord(snapshot.path, { ...record, memory: mergedMemory(record.memory, facts.plan.memory) });
      // Bytes from the worker arrive as a plain Uint8Array.
      const bytes = asBuffer(after.bytes);
      current = (await commit(snapshot, { bytes, etag: after.etag }, "save")).snapshot;
    }
    let enabled = record.enabled;
    if (facts) {
      enabled = facts.enabled;
      await saveFactsRecord(snapshot.path, { enabled, memory: facts.plan.memory });
    } else if (input.modelFacts !== undefined && input.modelFacts !== record.enabled) {
      enabled = input.modelFacts;
      await saveFactsRecord(snapshot.path, { ...record, enabled });
    }
    // The file as read back after the write (commit), not what was meant to be written.
    return stateOf(current, enabled);
  });
}

/**
 * Puts back the exact bytes of a kept version (`label` names it in messages), with the checks of a
 * save: 413 too large, 409 when the file is not at `ifMatch`, 422 when the version does not parse,
 * 400 when its settings are not valid. A file that is broken now may be restored over. The model
 * facts switch stays as it is: the version's facts entries come back as they were written.
 */
export function restoreConfig(
  bytes: Buffer,
  label: string,
  ifMatch: string,
): Promise<{ state: SettingsState; version: VersionMeta | null }> {
  return serialised(async () => {
    const snapshot = await readConfigSnapshot();
    refuseTooLarge(snapshot, bytes.length);
    const { enabled } = await readFactsRecord(snapshot.path);
    refuseConflict(snapshot, ifMatch, enabled);
    const parsed = await runConfigJob("inspect", { bytes }, bytes.length);
    refuseMalformed({ path: snapshot.path, parseError: parsed.parseError }, label);
    validated(settingsFromConfig(parsed.data), { ...snapshot, data: parsed.data });
    if (snapshot.bytes?.equals(bytes)) return { state: stateOf(snapshot, enabled), version: null };
    const committed = await commit(snapshot, { bytes, etag: parsed.etag }, "restore", `${label} restored: `);
    return { state: stateOf(committed.snapshot, enabled), version: committed.version };
  });
}
