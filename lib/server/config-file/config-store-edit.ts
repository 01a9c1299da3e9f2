import "server-only";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { wantedBaseUrl, type OpenClawTarget } from "@/lib/settings/openclaw-route";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { validateSettings } from "@/lib/settings/settings-validation";
import type { DesiredSettings } from "./config-apply";
import { AppError } from "@/lib/server/http/errors";
import { describeFsError } from "./atomic-write";
import { stateOf, type ConfigSnapshot } from "./config-snapshot";
import { DanglingLinkError } from "./write-target";

/**
 * The checks of one save, shared by the preview, the write and a restore (docs/ARCHITECTURE.md,
 * "A settings save"): what refuses a file or an input. The edit itself is config-file-edit.ts.
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

/** The validated settings, plus the base URL the OpenClaw route switch asks for. */
export function validated(
  input: SettingsInput,
  snapshot: Pick<ConfigSnapshot, "data">,
  openClaw?: OpenClawTarget,
): DesiredSettings {
  const unmanaged = snapshot.data === null ? null : settingsFromConfig(snapshot.data).unmanaged;
  const result = validateSettings(input, {
    externalPrimary: unmanaged?.primary ?? null,
    externalAliases: unmanaged?.aliases ?? {},
  });
  if (result.issues.length > 0) {
    throw new AppError("validation", "Some settings are not valid; nothing was written.", result.issues);
  }
  const baseUrl = wantedBaseUrl(input.routeOpenClaw, snapshot.data, openClaw);
  return baseUrl === undefined ? result.settings : { ...result.settings, baseUrl };
}
