"use client";
import { useMemo } from "react";
import { hasChanges, reverseDiff } from "@/lib/line-diff";
import { useHistory, useVersion } from "@/lib/client/settings-history";
import { DiffView } from "./diff-view";

const note = "text-sm text-zinc-600 dark:text-zinc-400";

/**
 * The lines that changed on disk since the page loaded the file (ETag `fromEtag`): the loaded
 * version is looked up in the history (the server keeps every version a page reads), and its diff
 * against the file now is shown the other way round.
 */
export function OutsideChangeDiff({ fromEtag }: { fromEtag: string }) {
  const history = useHistory();
  const loaded = history.data?.versions.find((version) => version.etag === fromEtag) ?? null;
  const detail = useVersion(loaded?.id ?? null);
  const rows = useMemo(() => (detail.data?.diff ? reverseDiff(detail.data.diff) : null), [detail.data]);

  if (history.error || detail.error) {
    return <p className={note}>The change could not be loaded: {(history.error ?? detail.error)?.message}</p>;
  }
  if (!history.data || (loaded && !detail.data)) return <p className={note}>Loading the change…</p>;
  if (!loaded) {
    return (
      <p className={note}>
        The version this page loaded is not in the history (the file did not exist then, or the version was pruned), so
        the changed lines can&apos;t be shown.
      </p>
    );
  }
  if (!rows) return <p className={note}>Too many lines changed to show them one by one.</p>;
  if (!hasChanges(rows)) return <p className={note}>No line differs from the version this page loaded.</p>;
  return <DiffView rows={rows} label="What changed on disk" />;
}
