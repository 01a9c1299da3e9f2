"use client";
import { useMemo } from "react";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useSettingsPreview } from "@/lib/client/settings";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { compactLineDiff, hasChanges } from "@/lib/line-diff";
import { DiffView } from "./diff-view";

export interface ConfigPreviewProps {
  input: SettingsInput;
  /** Off while the form is invalid or the file can't be parsed: the server would refuse anyway. */
  enabled: boolean;
  configPath: string;
}

/** The config file as saving would write it (JSON5), as a compact diff against the file on disk. */
export function ConfigPreview({ input, enabled, configPath }: ConfigPreviewProps) {
  const debounced = useDebouncedValue(input, 400);
  const preview = useSettingsPreview(debounced, enabled);
  const rows = useMemo(
    () => (preview.data ? compactLineDiff(preview.data.before, preview.data.after, 3) : []),
    [preview.data],
  );
  const changed = rows === null || hasChanges(rows);

  return (
    <Card
      title="Preview of the config file"
      description={
        <>
          <code className="font-mono">{configPath}</code> as it will be written (JSON5; the rest of the file is kept as
          is).
        </>
      }
      actions={preview.isFetching ? <span className="text-xs text-zinc-500">Updating…</span> : null}
    >
      {!enabled ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Fix the issues above to see the preview.</p>
      ) : preview.error ? (
        <Notice tone="error">Preview failed: {preview.error.message}</Notice>
      ) : !preview.data ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading preview…</p>
      ) : (
        <div className="flex flex-col gap-2">
          {changed ? null : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No changes: the file stays as it is.</p>
          )}
          {rows === null ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Too many changed lines to show them one by one; the whole file is below.
            </p>
          ) : changed ? (
            <DiffView rows={rows} label="Changes to the config file" />
          ) : null}
          <details className="text-sm">
            <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
              Whole file after saving
            </summary>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-zinc-50 p-3 font-mono text-xs [overflow-wrap:anywhere] dark:bg-zinc-950">
              {preview.data.after}
            </pre>
          </details>
        </div>
      )}
    </Card>
  );
}
