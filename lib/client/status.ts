"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { statusResponseSchema } from "@/lib/catalog/catalog-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function statusQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.status,
    queryFn: () => fetchJson("/api/status", statusResponseSchema),
    staleTime: 30_000,
  });
}

export function useStatus() {
  return useQuery(statusQueryOptions());
}
