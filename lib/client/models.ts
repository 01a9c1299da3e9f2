"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** While the server is still asking the router, ask again this often: the live list replaces the one shown. */
const CHECKING_POLL_MS = 1000;

export async function fetchModels(refresh = false) {
  return decodeCatalog(await fetchJson(`/api/models${refresh ? "?refresh=1" : ""}`, wireCatalogSchema));
}

export function modelsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.models,
    queryFn: () => fetchModels(),
    staleTime: 60_000,
    refetchInterval: (query) => (query.state.data?.checking ? CHECKING_POLL_MS : false),
  });
}

export function useModels() {
  return useQuery(modelsQueryOptions());
}

/** False when only the built-in list is shown: then nobody knows what the router serves, so say nothing. */
export function useLiveListKnown(): boolean {
  return useModels().data?.source !== "builtin";
}
