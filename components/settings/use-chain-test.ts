"use client";
import type { ChainInput } from "@/lib/catalog/chain-types";
import { useTestChain } from "@/lib/client/chain-check";

export function sameChain(a: ChainInput | undefined, b: ChainInput): boolean {
  return a !== undefined && a.primary === b.primary && a.fallbacks.join("\n") === b.fallbacks.join("\n");
}

/**
 * "Test the chain" for the chain on screen (`current`, unsaved edits included). The results belong
 * to the chain they were tested on: shown while that chain is on screen, whatever the check of the
 * edited chain does meanwhile (it is debounced, so it may land after the click); gone once the
 * chain is edited, back if the edit is undone.
 */
export function useChainTest(current: ChainInput) {
  const mutation = useTestChain();
  const tested = sameChain(mutation.variables, current);
  return {
    run: () => mutation.mutate(current),
    pending: mutation.isPending,
    results: tested ? (mutation.data ?? null) : null,
    error: tested ? mutation.error : null,
  };
}
