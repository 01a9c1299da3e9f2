"use client";
import { Button } from "@/components/ui/button";
import { ApiRequestError } from "@/lib/client/fetch-json";

export interface SaveBarProps {
  dirty: boolean;
  issueCount: number;
  blockedByParseError: boolean;
  canSave: boolean;
  saving: boolean;
  saved: boolean;
  error: Error | null;
  onSave: () => void;
  onDiscard: () => void;
}

function errorText(error: Error): string {
  if (!(error instanceof ApiRequestError)) return error.message;
  if (error.status === 507) return `The config file could not be written: ${error.message}`;
  if (error.status === 422) return `The config file can't be parsed: ${error.message}`;
  return error.message;
}

/** Sticky bar: unsaved-changes state, the last save error, Discard and Save. */
export function SaveBar({
  dirty,
  issueCount,
  blockedByParseError,
  canSave,
  saving,
  saved,
  error,
  onSave,
  onDiscard,
}: SaveBarProps) {
  const conflict = error instanceof ApiRequestError && error.status === 409;
  const state = saving
    ? "Saving…"
    : blockedByParseError
      ? "Saving is off until the config file parses."
      : issueCount > 0
        ? `${issueCount} issue${issueCount === 1 ? "" : "s"} to fix before saving`
        : dirty
          ? "Unsaved changes"
          : saved
            ? "Saved"
            : "No changes";
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="flex items-center gap-2 text-sm">
          {dirty ? <span aria-hidden className="size-2 rounded-full bg-accent-500" /> : null}
          <span className={issueCount > 0 || blockedByParseError ? "text-red-700 dark:text-red-400" : ""}>{state}</span>
        </p>
        {error && !conflict && !saving ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Not saved: {errorText(error)} Your changes are kept.
          </p>
        ) : null}
        <div className="ml-auto flex gap-2">
          <Button variant="ghost" onClick={onDiscard} disabled={!dirty || saving}>
            Discard changes
          </Button>
          <Button variant="primary" onClick={onSave} disabled={!canSave}>
            Save
          </Button>
        </div>
      </div>
    </div>
  );
}
