"use client";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  settingsConflictSchema,
  settingsPreviewSchema,
  settingsStateSchema,
  type SettingsInput,
  type SettingsState,
} from "@/lib/settings/settings-types";
import { ApiRequestError, fetchJson } from "./fetch-json";
import { modelsQueryOptions } from "./models";
import { queryKeys } from "./query-keys";
import { statusQueryOptions } from "./status";

export function fetchSettings(): Promise<SettingsState> {
  return fetchJson("/api/settings", settingsStateSchema, { cache: "no-store" });
}

export function settingsQueryOptions() {
  // Always re-read on mount: the file may have been edited by the CLI or a text editor meanwhile.
  return queryOptions({ queryKey: queryKeys.settings, queryFn: fetchSettings, staleTime: 0 });
}

export function useSettings() {
  return useQuery(settingsQueryOptions());
}

export interface SaveSettingsVariables {
  input: SettingsInput;
  /** ETag of the state the edit started from; the server answers 409 if the file changed since. */
  etag: string;
}

export function saveSettings({ input, etag }: SaveSettingsVariables): Promise<SettingsState> {
  return fetchJson("/api/settings", settingsStateSchema, {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": etag },
    body: JSON.stringify(input),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: async (state) => {
      queryClient.setQueryData(settingsQueryOptions().queryKey, state);
      // Aliases and the primary show in the catalog and the status.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: modelsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: statusQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: [...settingsQueryOptions().queryKey, "preview"] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.settingsHistory }),
      ]);
    },
  });
}

/** The file's current state from a 409 answer, or null for any other error. */
export function conflictStateOf(error: unknown): SettingsState | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = settingsConflictSchema.safeParse(error.body);
  return parsed.success ? parsed.data.current : null;
}

export function previewSettings(input: SettingsInput) {
  return fetchJson("/api/settings/preview", settingsPreviewSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

/** The file before and after `input` would be saved; keeps the last preview while the next one loads. */
export function useSettingsPreview(input: SettingsInput, enabled: boolean) {
  return useQuery({
    // Under the settings key, so anything that invalidates the settings refreshes the preview too.
    queryKey: [...settingsQueryOptions().queryKey, "preview", input] as const,
    queryFn: () => previewSettings(input),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}
