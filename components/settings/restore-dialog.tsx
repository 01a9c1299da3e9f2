"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { useRestoreVersion, useVersion } from "@/lib/client/settings-history";
import type { RestoreResult, VersionMeta } from "@/lib/settings/history-types";
import { VersionDiff } from "./version-diff";

export interface RestoreDialogProps {
  /** The version to restore; null when the dialog is closed. */
  version: VersionMeta | null;
  currentEtag: string;
  dirty: boolean;
  onClose: () => void;
  onRestored: (result: RestoreResult) => void;
}

function errorText(error: Error): string {
  if (error instanceof ApiRequestError && error.status === 409) {
    return "The config file changed since this page read it; nothing was written. Look at the history again, then restore.";
  }
  return error.message;
}

/** Asks before a restore, showing what it would change; the restore itself goes with If-Match. */
export function RestoreDialog({ version, currentEtag, dirty, onClose, onRestored }: RestoreDialogProps) {
  const restore = useRestoreVersion();
  // The diff shown was computed against this ETag: restoring against it means "what you saw".
  const detail = useVersion(version?.id ?? null);
  const etag = detail.data?.currentEtag ?? currentEtag;
  const close = () => {
    restore.reset();
    onClose();
  };
  return (
    <Dialog
      open={version !== null}
      onClose={close}
      title={`Restore version ${version?.id ?? ""}?`}
      description={
        <>
          The config file gets back exactly the bytes of version {version?.id} (
          {version ? new Date(version.at).toLocaleString() : ""}). The file as it is now stays in the history, so this
          can be undone.
        </>
      }
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={restore.isPending || !version}
            onClick={() =>
              version &&
              restore.mutate(
                { id: version.id, etag },
                {
                  onSuccess: (result) => {
                    restore.reset();
                    onRestored(result);
                  },
                },
              )
            }
          >
            {restore.isPending ? "Restoring…" : `Restore version ${version?.id ?? ""}`}
          </Button>
        </>
      }
    >
      {dirty ? <Notice tone="warning">Your unsaved edits on this page will be discarded.</Notice> : null}
      {version ? <VersionDiff id={version.id} /> : null}
      {restore.error ? <Notice tone="error">Not restored: {errorText(restore.error)}</Notice> : null}
    </Dialog>
  );
}
