"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useHistory } from "@/lib/client/settings-history";
import type { VersionMeta } from "@/lib/settings/history-types";
import type { SettingsState } from "@/lib/settings/settings-types";
import { formatAge, formatBytes } from "@/lib/format";
import { RestoreDialog } from "./restore-dialog";
import { VersionDiff } from "./version-diff";

export interface HistoryPanelProps {
  /** ETag of the file as the page read it last. */
  currentEtag: string;
  /** The form has unsaved edits (a restore discards them, and says so first). */
  dirty: boolean;
  /** The state after a restore, for the form to take. */
  onRestored: (state: SettingsState) => void;
}

const SOURCE_LABEL: Record<VersionMeta["source"], string> = {
  save: "saved here",
  restore: "restored here",
  outside: "changed outside",
};

/** The kept versions of the config file: what each changed, its diff against the file now, Restore. */
export function HistoryPanel({ currentEtag, dirty, onRestored }: HistoryPanelProps) {
  const history = useHistory();
  const [open, setOpen] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<VersionMeta | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const versions = history.data?.versions ?? [];

  return (
    <Card
      title="History of the config file"
      description={
        <>
          Every save and restore, and changes made outside the dashboard (an editor, the OpenClaw CLI); the last{" "}
          {history.data?.limit ?? "few"} versions are kept. A restore is itself a new version, so it can be undone.
        </>
      }
    >
      {restored ? (
        <Notice tone="success" className="mb-3">
          {restored}
        </Notice>
      ) : null}
      {history.error ? (
        <Notice tone="error">Could not read the history: {history.error.message}</Notice>
      ) : !history.data ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading the history…</p>
      ) : versions.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No version kept yet: the file does not exist.</p>
      ) : (
        <ol aria-label="Versions of the config file" className="flex max-h-[32rem] flex-col gap-2 overflow-y-auto">
          {versions.map((version) => {
            const current = version.id === history.data?.current;
            const expanded = open === version.id;
            return (
              <li
                key={version.id}
                aria-label={`Version ${version.id}`}
                className="flex flex-col gap-2 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">Version {version.id}</span>
                  <span
                    className="text-xs text-zinc-500 dark:text-zinc-400"
                    title={new Date(version.at).toLocaleString()}
                  >
                    {formatAge(version.at)} · {SOURCE_LABEL[version.source]} · {formatBytes(version.size)}
                  </span>
                  {current ? (
                    <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                      current
                    </span>
                  ) : null}
                  <span className="ml-auto flex gap-2">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : version.id)}
                    >
                      {expanded ? "Hide changes" : "Show changes"}
                    </Button>
                    <Button
                      size="sm"
                      disabled={current}
                      title={current ? "This is the file as it is now" : undefined}
                      onClick={() => setRestoring(version)}
                    >
                      Restore…
                    </Button>
                  </span>
                </div>
                <p className="text-zinc-700 dark:text-zinc-300">{version.summary}</p>
                {expanded ? <VersionDiff id={version.id} current={current} /> : null}
              </li>
            );
          })}
        </ol>
      )}
      <RestoreDialog
        version={restoring}
        currentEtag={currentEtag}
        dirty={dirty}
        onClose={() => setRestoring(null)}
        onRestored={(result) => {
          setRestoring(null);
          setRestored(
            `Version ${restoring?.id ?? ""} restored${result.version ? ` (kept as version ${result.version.id})` : ""}.`,
          );
          onRestored(result.state);
        }}
      />
    </Card>
  );
}
