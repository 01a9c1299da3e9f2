import "server-only";
import { settingsFromConfig } from "@/lib/settings/config-models";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { validateSettings, type NormalisedSettings } from "@/lib/settings/settings-validation";
import type { FactsStep } from "@/lib/server/model-facts/facts-step";
import { AppError } from "@/lib/server/http/errors";
import { describeFsError } from "./atomic-write";
import { applySettings, plannedSettings } from "./config-apply";
import { DocSyntaxError, type DocStyle } from "./config-cst";
import { ConfigShapeError } from "./config-edit";
import { applyFactsPlan } from "./config-facts";
import { configMaxBytes } from "./config-read";
import { megabytes, stateOf, type ConfigSnapshot } from "./config-snapshot";
import { verifyEdit } from "./config-verify";
import { checkClosed, closeWindow } from "./config-window";
import { DanglingLinkError } from "./write-target";

/**
 * The edit of one save, shared by the preview and the write (docs/ARCHITECTURE.md, "A settings save"):
 * the checks that refuse a file or an input (a save and a restore alike), then the lossless edit of
 * the settings and the model facts, verified before anything is written.
 */

/** 422 for a file that is not valid JSON5; `version` names a kept version instead of the file on disk. */
export function refuseMalformed(snapshot: Pick<ConfigSnapshot, "parseError" | "path">, version?: string): void {
  const error = snapshot.parseError;
  if (!error) return;
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ""})` : "";
  throw new AppError(
    "config_invalid",
    version
      ? `${version} is not valid JSON5${where}: ${error.message}. It can't be restored; nothing was written.`
      : `${snapshot.path} is not valid JSON5${where}: ${error.message}. Fix it first; nothing was written.`,
  );
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

/** 409 with the current state when the file changed since the client read it (its ETag is not `ifMatch`). */
export function refuseConflict(snapshot: ConfigSnapshot, ifMatch: string, modelFacts: boolean): void {
  if (matches(ifMatch, snapshot.etag)) return;
  throw new AppError(
    "conflict",
    "The config file changed since it was loaded (another tab, the OpenClaw CLI or an editor). Review the current settings and save again.",
    undefined,
    { current: stateOf(snapshot, modelFacts) },
  );
}

/** A failed write as a 507 with a short reason (the raw error is not shown). */
export function unwritable(error: unknown, path: string): AppError {
  if (error instanceof DanglingLinkError) {
    return new AppError(
      "config_unwritable",
      `${path} is a symbolic link to ${error.target}, which does not exist. Restore the target or remove the link; nothing was written.`,
    );
  }
  return new AppError("config_unwritable", describeFsError(error, path));
}

export function validated(input: SettingsInput, snapshot: ConfigSnapshot): NormalisedSettings {
  const unmanaged = snapshot.data === null ? null : settingsFromConfig(snapshot.data).unmanaged;
  const result = validateSettings(input, {
    externalPrimary: unmanaged?.primary ?? null,
    externalAliases: unmanaged?.aliases ?? {},
  });
  if (result.issues.length > 0) {
    throw new AppError("validation", "Some settings are not valid; nothing was written.", result.issues);
  }
  return result.settings;
}

/** The model facts of a save, planned on the text the edit runs on (the window, or the whole blank file). */
export type FactsPlanner = (text: string, style?: DocStyle) => FactsStep | null;

export interface EditResult {
  text: string;
  facts: FactsStep | null;
}

function withFacts(text: string, facts: FactsStep | null, style?: DocStyle): string {
  if (!facts || facts.plan.edits.every((edit) => edit.action === "unchanged")) return text;
  return applyFactsPlan(text.trim() === "" ? "{}\n" : text, facts.plan, style);
}

/** The edit itself: on the window of the file (or on the whole text when it is blank), verified, closed. */
async function editText(
  snapshot: ConfigSnapshot,
  settings: NormalisedSettings,
  planFacts: FactsPlanner,
): Promise<EditResult> {
  const window = snapshot.window;
  if (!window) {
    if (snapshot.text.trim() !== "") throw new DocSyntaxError("its syntax could not be scanned");
    const facts = planFacts(snapshot.text);
    const after = withFacts(applySettings(snapshot.text, settings), facts);
    if (after !== snapshot.text)
      verifyEdit(snapshot.text, after, plannedSettings(snapshot.text, settings), facts?.plan);
    return { text: after, facts };
  }
  const facts = planFacts(window.text, window.style);
  const after = withFacts(applySettings(window.text, settings, window.style), facts, window.style);
  if (after === window.text) return { text: snapshot.text, facts };
  verifyEdit(window.text, after, plannedSettings(window.text, settings), facts?.plan);
  const text = closeWindow(window, after);
  await checkClosed(window, after, text);
  return { text, facts };
}

/** 413 when the file (or what would be written, `bytes`) is over `CONFIG_MAX_BYTES`. */
export function refuseTooLarge(snapshot: ConfigSnapshot, bytes?: number): void {
  const limit = configMaxBytes();
  const size = snapshot.tooLarge?.bytes ?? bytes ?? 0;
  if (size <= limit) return;
  throw new AppError(
    "config_too_large",
    `${snapshot.path} is too large to edit safely (${megabytes(size)}; the limit is ${megabytes(limit)}, set by CONFIG_MAX_BYTES). Nothing was written.`,
  );
}

/** The new file text; editor failures become clear errors instead of a damaged file. */
export async function edited(
  snapshot: ConfigSnapshot,
  settings: NormalisedSettings,
  planFacts: FactsPlanner,
): Promise<EditResult> {
  try {
    const after = await editText(snapshot, settings, planFacts);
    refuseTooLarge(snapshot, Buffer.byteLength(after.text));
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
