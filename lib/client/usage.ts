"use client";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usageSearch, type UsageQuery } from "@/lib/usage/usage-query";
import { budgetResponseSchema, usageResponseSchema, type BudgetInput } from "@/lib/usage/usage-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function fetchUsage(query: UsageQuery) {
  return fetchJson(`/api/usage${usageSearch(query)}`, usageResponseSchema, { cache: "no-store" });
}

/** The CSV download of the same range (filters of the recent table do not apply to it). */
export function usageCsvUrl(query: Pick<UsageQuery, "from" | "to">): string {
  return `/api/usage.csv${usageSearch({ from: query.from, to: query.to })}`;
}

export function usageQueryOptions(query: UsageQuery) {
  return queryOptions({
    queryKey: [...queryKeys.usage, query] as const,
    queryFn: () => fetchUsage(query),
    // New requests land all the time; the page stays current without a reload (while it is visible).
    staleTime: 5_000,
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useUsage(query: UsageQuery) {
  return useQuery(usageQueryOptions(query));
}

export function saveBudget(input: BudgetInput) {
  return fetchJson("/api/usage/budget", budgetResponseSchema, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

export function useSaveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBudget,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.usage }),
  });
}
