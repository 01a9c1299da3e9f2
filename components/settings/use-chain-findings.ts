"use client";
import { useMemo } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import type { ChainFinding, ChainInput } from "@/lib/catalog/chain-types";
import { useChainCheck } from "@/lib/client/chain-check";
import { tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput } from "@/lib/settings/settings-types";

/**
 * The chain check of the chain being edited (unsaved edits included), and the findings that belong
 * beside each entry. A finding is matched by position and ref, so a reordered list never shows a
 * finding beside the wrong model while the next check is on its way.
 */
export function useChainFindings(input: SettingsInput, enabled: boolean) {
  const chain = useMemo<ChainInput>(() => ({ primary: input.primary, fallbacks: input.fallbacks }), [input]);
  const debounced = useDebouncedValue(chain, 400);
  const query = useChainCheck(debounced, enabled);
  const findings = useMemo(() => query.data?.findings ?? [], [query.data]);
  return {
    /** The chain on screen now (the findings are about it once typing paused): what "Test the chain" tests. */
    current: chain,
    query,
    /** Findings about the entry at `position` (0 = primary) holding `ref`. */
    findingsFor: (position: number, ref: string): ChainFinding[] => {
      const canonical = tryNormaliseRef(ref) ?? ref.trim();
      return findings.filter((f) => f.position === position && f.ref === canonical);
    },
    /** Findings about the chain as a whole. */
    general: findings.filter((f) => f.ref === null),
  };
}

export type ChainFindingsState = ReturnType<typeof useChainFindings>;
