"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { SettingsInput, SettingsState } from "@/lib/settings/settings-types";
import { OutsideChangeDiff } from "./outside-change-diff";
import { changeLabel, type SettingsChange, settingsChanges } from "./settings-changes";

export interface ConflictDialogProps {
  /** The file's state now (from the 409 answer); null when there is no conflict. */
  current: SettingsState | null;
  /** What the form was loaded from (its ETag finds that version in the history, for the line diff). */
  loaded: SettingsInput & { etag: string };
  /** The edits about to be saved. */
  mine: SettingsInput;
  saving: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}

export function ConflictDialog({
  current,
  loaded,
  mine,
  saving,
  onReload,
  onOverwrite,
  onCancel,
}: ConflictDialogProps) {
  const onDisk = current ? settingsChanges(loaded, current) : [];
  const yours = settingsChanges(loaded, mine);
  return (
    <Dialog
      open={current !== null}
      onClose={onCancel}
      title="The config file changed on disk since you opened it"
      description="Another tab, the OpenClaw CLI or a text editor saved it. Nothing was written."
      footer={
        <>
          <Button variant="ghost" onClick={onCancel}>
            Keep editing
          </Button>
          <Button onClick={onReload}>Reload (discard my changes)</Button>
          <Button variant="primary" onClick={onOverwrite} disabled={saving || Boolean(current?.parseError)}>
            {saving ? "Saving…" : "Overwrite with my changes"}
          </Button>
        </>
      }
    >
      {current?.parseError ? (
        <Notice tone="error">
          The file can&apos;t be parsed now ({current.parseError.message}); fix it, then reload.
        </Notice>
      ) : null}
      <ChangeList
        title="Changed on disk"
        changes={onDisk}
        empty="Only other parts of the file changed; overwriting keeps them. The lines:"
      />
      {current ? <OutsideChangeDiff fromEtag={loaded.etag} /> : null}
      <ChangeList title="Your unsaved changes" changes={yours} empty="None." />
    </Dialog>
  );
}

function ChangeList({ title, changes, empty }: { title: string; changes: SettingsChange[]; empty: string }) {
  return (
    <section aria-label={title} className="text-sm">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {changes.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {changes.map((change) => (
            <li
              key={`${change.field}-${change.ref ?? ""}`}
              className="rounded-md bg-zinc-50 px-2 py-1 dark:bg-zinc-950"
            >
              <div className="text-xs font-medium">{changeLabel(change)}</div>
              <div className="break-all font-mono text-xs">
                <span className="text-red-700 line-through dark:text-red-400">{change.before}</span>
                <span aria-hidden> → </span>
                <span className="sr-only"> changed to </span>
                <span className="text-emerald-700 dark:text-emerald-400">{change.after}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
