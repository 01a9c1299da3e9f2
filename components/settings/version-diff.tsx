"use client";
import { hasChanges } from "@/lib/line-diff";
import { useVersion } from "@/lib/client/settings-history";
import { DiffView } from "./diff-view";

const note = "text-sm text-zinc-600 dark:text-zinc-400";

/** What restoring a kept version would change in the file now (the file now −, the version +). */
export function VersionDiff({ id, current }: { id: string; current?: boolean }) {
  const detail = useVersion(id);
  if (detail.error)
    return (
      <p className={note}>
        Could not load version {id}: {detail.error.message}
      </p>
    );
  if (!detail.data) return <p className={note}>Loading version {id}…</p>;
  const rows = detail.data.diff;
  if (!rows) return <p className={note}>Too many lines differ from the file now to show them one by one.</p>;
  if (!hasChanges(rows)) {
    return (
      <p className={note}>{current ? "This is the file as it is now." : "Same bytes as the file now, line by line."}</p>
    );
  }
  return <DiffView rows={rows} label={`Version ${id} against the file now`} />;
}
