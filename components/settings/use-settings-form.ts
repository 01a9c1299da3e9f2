"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useLeaveGuard } from "@/components/ui/use-leave-guard";
import { readApiError } from "@/lib/api-error";
import { ApiRequestError } from "@/lib/client/fetch-json";
import { conflictStateOf, settingsQueryOptions, useSaveSettings } from "@/lib/client/settings";
import type { SettingsState } from "@/lib/settings/settings-types";
import { fieldIssues, type Issue } from "./field-issues";
import { draftFromInput, inputFromDraft, sameSettings, type SettingsDraft } from "./form-model";
import { validateInput, validationContextOf } from "@/lib/settings/validate-input";

const LEAVE_MESSAGE = "Leave this page? Your unsaved changes to the settings will be lost.";

/** Issues of a 400 answer, to show beside the fields. */
function serverIssuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiRequestError) || error.status !== 400) return [];
  return readApiError(error.body, error.message).issues;
}

/** The user's own edits and the state they started from (whose ETag goes in `If-Match`). */
interface Edit {
  base: SettingsState;
  draft: SettingsDraft;
}

function withInput(edit: Edit) {
  return { ...edit, input: inputFromDraft(edit.draft) };
}

/**
 * The settings form: the draft being edited, the state it started from (`base`), and saving with
 * conflict handling. `latest` is the newest state read from the server.
 *
 * Which state the form shows is derived on every render rather than copied into state when
 * `latest` changes: a newer read of the file replaces a clean form; a form with edits keeps them
 * (no data loss), and saving it then runs into the conflict dialog.
 */
export function useSettingsForm(latest: SettingsState) {
  const queryClient = useQueryClient();
  const [edit, setEdit] = useState<Edit | null>(null);
  const [conflict, setConflict] = useState<SettingsState | null>(null);
  const save = useSaveSettings();

  const fromLatest = useMemo(() => withInput({ base: latest, draft: draftFromInput(latest) }), [latest]);
  const fromEdit = useMemo(() => edit && withInput(edit), [edit]);
  // An edit of the file as it is now stays; one that changes nothing gives way to a newer read.
  const keepEdit =
    fromEdit !== null && (fromEdit.base.etag === latest.etag || !sameSettings(fromEdit.input, fromEdit.base));
  const { base, draft, input } = keepEdit ? fromEdit : fromLatest;
  const dirty = !sameSettings(input, base);
  const setDraft = (next: SettingsDraft) => setEdit({ base, draft: next });

  const issues = useMemo(() => {
    const serverIssues = save.variables?.input === input ? serverIssuesOf(save.error) : [];
    return fieldIssues([...validateInput(input, validationContextOf(latest)), ...serverIssues], draft);
  }, [input, draft, latest, save.error, save.variables]);

  // The newest read decides: a file fixed in an editor re-enables saving after "Check again".
  const parseError = latest.parseError;
  const canSave = dirty && issues.count === 0 && !parseError && !save.isPending;

  // Reload, close, and links to other pages ask before unsaved edits are lost.
  useLeaveGuard(dirty, LEAVE_MESSAGE);

  // The file changed on disk (an editor, the CLI, another tab) while this form has edits: the
  // edits stay, and the page says so until the user reloads or chooses to keep editing.
  const [keptEditingAt, setKeptEditingAt] = useState<string | null>(null);
  // While a save is on its way, the watcher may report that very save before its answer arrives.
  const outside =
    dirty && !save.isPending && latest.etag !== base.etag && latest.etag !== keptEditingAt && conflict === null
      ? latest
      : null;

  const adopt = (state: SettingsState) => {
    setEdit({ base: state, draft: draftFromInput(state) });
    queryClient.setQueryData(settingsQueryOptions().queryKey, state);
  };

  const submit = (etag = base.etag) => {
    save.mutate(
      { input, etag },
      {
        onSuccess: (state) => {
          setConflict(null);
          adopt(state);
        },
        onError: (error) => {
          const current = conflictStateOf(error);
          if (current) setConflict(current);
          // A malformed file: re-read it so the parse error (line, column) shows and saving stays off.
          if (error instanceof ApiRequestError && error.status === 422) {
            void queryClient.invalidateQueries({ queryKey: settingsQueryOptions().queryKey, exact: true });
          }
        },
      },
    );
  };

  return {
    base,
    draft,
    setDraft,
    input,
    dirty,
    issues,
    parseError,
    canSave,
    save,
    conflict,
    submit,
    /** Take a state as the form's (after a restore, or the reload of an outside change). */
    adopt,
    /** The file as it is now, when it changed on disk while the form has unsaved edits; else null. */
    outside,
    /** Outside change: take the file as it is now, dropping the edits. */
    reloadFromOutside: () => {
      adopt(latest);
      save.reset();
    },
    /** Outside change: keep the edits (saving then meets the conflict dialog). */
    keepEditing: () => setKeptEditingAt(latest.etag),
    /** Conflict: take the file as it is now, dropping the edits. */
    reloadFromConflict: () => {
      if (conflict) adopt(conflict);
      setConflict(null);
      save.reset();
    },
    /** Conflict: save the edits over the file as it is now. */
    overwrite: () => conflict && submit(conflict.etag),
    dismissConflict: () => setConflict(null),
    /** Drops the edits: the form shows the newest read of the file again. */
    discard: () => {
      setEdit(null);
      save.reset();
    },
  };
}

export type SettingsForm = ReturnType<typeof useSettingsForm>;
