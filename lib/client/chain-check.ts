"use client";
import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { chainCheckSchema, chainTestSchema, type ChainInput } from "@/lib/catalog/chain-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

const post = (body: ChainInput) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** `POST /api/settings/check`: findings about the chain being edited (nothing is sent upstream). */
export function fetchChainCheck(chain: ChainInput) {
  return fetchJson("/api/settings/check", chainCheckSchema, post(chain));
}

export function chainCheckQueryOptions(chain: ChainInput) {
  return queryOptions({
    queryKey: [...queryKeys.chainCheck, chain] as const,
    queryFn: () => fetchChainCheck(chain),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

export function useChainCheck(chain: ChainInput, enabled: boolean) {
  return useQuery({ ...chainCheckQueryOptions(chain), enabled });
}

/** `POST /api/settings/check/test`: one tiny request through each candidate (costs a little, so only on demand). */
export function testChain(chain: ChainInput) {
  return fetchJson("/api/settings/check/test", chainTestSchema, post(chain));
}

export function useTestChain() {
  return useMutation({ mutationFn: testChain });
}
