"use client";
import { useMemo } from "react";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useSettingsPreview } from "@/lib/client/settings";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { compactDiff, diffLines, type DiffRow } from "./line-diff";

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
    () => (preview.data ? compactDiff(diffLines(preview.data.before, preview.data.after), 3) : []),
    [preview.data],
  );
  const changed = rows.some((row) => row.kind === "add" || row.kind === "del");

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
          {changed ? <DiffView rows={rows} /> : null}
          <details className="text-sm">
            <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
              Whole file after saving
            </summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">
              {preview.data.after}
            </pre>
          </details>
        </div>
      )}
    </Card>
  );
}

const ROW_STYLE = {
  same: "text-zinc-600 dark:text-zinc-400",
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
  del: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200",
} as const;

function DiffView({ rows }: { rows: DiffRow[] }) {
  return (
    <div
      role="region"
      aria-label="Changes to the config file"
      tabIndex={0}
      className="max-h-96 overflow-auto rounded-md border border-zinc-200 font-mono text-xs dark:border-zinc-800"
    >
      <table className="w-full border-collapse">
        <tbody>
          {rows.map((row, index) =>
            row.kind === "skip" ? (
              <tr key={index} className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <td colSpan={3} className="px-2 py-0.5 italic">
                  … {row.count} unchanged line{row.count === 1 ? "" : "s"}
                </td>
              </tr>
            ) : (
              <tr key={index} className={ROW_STYLE[row.kind]}>
                <td className="w-10 select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                  {row.kind === "add" ? "" : row.oldNo}
                </td>
                <td className="w-10 select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                  {row.kind === "del" ? "" : row.newNo}
                </td>
                <td className="whitespace-pre px-2">
                  <span aria-hidden className="select-none">
                    {row.kind === "add" ? "+ " : row.kind === "del" ? "- " : "  "}
                  </span>
                  <span className="sr-only">
                    {row.kind === "add" ? "added: " : row.kind === "del" ? "removed: " : ""}
                  </span>
                  {row.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
