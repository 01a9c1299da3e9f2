"use client";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { measuredResponseSchema, probeResponseSchema } from "@/lib/probe/probe-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function fetchMeasured(modelId: string) {
  return fetchJson(`/api/probe?model=${encodeURIComponent(modelId)}`, measuredResponseSchema, { cache: "no-store" });
}

export function measuredQueryOptions(modelId: string) {
  return queryOptions({
    queryKey: [...queryKeys.measured, modelId] as const,
    queryFn: () => fetchMeasured(modelId),
    staleTime: 30_000,
  });
}

/** "Measured by you" for one model; nothing is fetched without one. */
export function useMeasured(modelId: string | undefined) {
  return useQuery({ ...measuredQueryOptions(modelId ?? ""), enabled: Boolean(modelId) });
}

export function runProbe(ref: string) {
  return fetchJson("/api/probe", probeResponseSchema, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ref }),
  });
}

/** Tests every live backend of a model; afterwards the measured figures and the usage page are fresh. */
export function useProbe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runProbe,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.measured }),
        queryClient.invalidateQueries({ queryKey: queryKeys.usage }),
      ]);
    },
  });
}
