"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SettingsInput, SettingsState } from "@/lib/settings/settings-types";
import { OutsideChangeDiff } from "./outside-change-diff";
import { changeLabel, settingsChanges } from "./settings-changes";

export interface OutsideChangeBannerProps {
  /** The file as it is now. */
  current: SettingsState;
  /** What the form was loaded from (its ETag finds that version in the history). */
  loaded: SettingsInput & { etag: string };
  onReload: () => void;
  onKeepEditing: () => void;
}

/**
 * Shown when the config file changed on disk while the form has unsaved edits: the edits are
 * never replaced behind the user's back. Compare shows what changed outside; Reload takes the file
 * as it is now; Keep editing hides this (saving then meets the conflict dialog).
 */
export function OutsideChangeBanner({ current, loaded, onReload, onKeepEditing }: OutsideChangeBannerProps) {
  const [comparing, setComparing] = useState(false);
  const diffId = useId();
  const changes = settingsChanges(loaded, current);
  return (
    <section
      aria-label="Outside change"
      className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p role="alert">
        <strong className="font-semibold">The config file changed outside the dashboard.</strong> Your unsaved edits are
        kept.{" "}
        {changes.length
          ? `Changed on disk: ${changes.map((change) => changeLabel(change).toLowerCase()).join(", ")}.`
          : "Only parts the form does not show changed."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" aria-expanded={comparing} aria-controls={diffId} onClick={() => setComparing(!comparing)}>
          {comparing ? "Hide the change" : "Compare"}
        </Button>
        <Button size="sm" onClick={onReload}>
          Reload (discard my edits)
        </Button>
        <Button size="sm" variant="ghost" onClick={onKeepEditing}>
          Keep editing
        </Button>
      </div>
      <div id={diffId} hidden={!comparing}>
        {comparing ? <OutsideChangeDiff fromEtag={loaded.etag} /> : null}
      </div>
    </section>
  );
}
