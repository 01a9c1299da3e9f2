"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { catalogResponseSchema } from "@/lib/catalog/catalog-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function fetchModels(refresh = false) {
  return fetchJson(`/api/models${refresh ? "?refresh=1" : ""}`, catalogResponseSchema);
}

export function modelsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.models, queryFn: () => fetchModels(), staleTime: 60_000 });
}

export function useModels() {
  return useQuery(modelsQueryOptions());
}

/** False when only the built-in list is shown: then nobody knows what the router serves, so say nothing. */
export function useLiveListKnown(): boolean {
  return useModels().data?.source !== "builtin";
}
