"use client";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  historyListSchema,
  restoreResultSchema,
  versionDetailSchema,
  type RestoreResult,
} from "@/lib/settings/history-types";
import { fetchJson } from "./fetch-json";
import { modelsQueryOptions } from "./models";
import { queryKeys } from "./query-keys";
import { settingsQueryOptions } from "./settings";
import { statusQueryOptions } from "./status";

export function historyQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.settingsHistory,
    queryFn: () => fetchJson("/api/settings/history", historyListSchema, { cache: "no-store" }),
    staleTime: 0,
  });
}

export function useHistory(enabled = true) {
  return useQuery({ ...historyQueryOptions(), enabled });
}

export function versionQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...queryKeys.settingsHistory, id] as const,
    queryFn: () =>
      fetchJson(`/api/settings/history/${encodeURIComponent(id)}`, versionDetailSchema, { cache: "no-store" }),
    staleTime: 0,
  });
}

/** One version's text and what restoring it would change; null id = nothing to load. */
export function useVersion(id: string | null) {
  return useQuery({ ...versionQueryOptions(id ?? ""), enabled: id !== null });
}

export interface RestoreVariables {
  id: string;
  /** ETag of the file as the page knows it; the server answers 409 if it changed since. */
  etag: string;
}

export function restoreVersion({ id, etag }: RestoreVariables): Promise<RestoreResult> {
  return fetchJson(`/api/settings/history/${encodeURIComponent(id)}/restore`, restoreResultSchema, {
    method: "POST",
    headers: { "if-match": etag },
  });
}

export function useRestoreVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreVersion,
    onSuccess: async ({ state }) => {
      queryClient.setQueryData(settingsQueryOptions().queryKey, state);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.settingsHistory }),
        queryClient.invalidateQueries({ queryKey: [...settingsQueryOptions().queryKey, "preview"] }),
        queryClient.invalidateQueries({ queryKey: modelsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: statusQueryOptions().queryKey }),
      ]);
    },
  });
}
