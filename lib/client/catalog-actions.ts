"use client";
/**
 * The catalog's one-click config edits (set primary, add fallback, set alias): read the file's
 * current state, change one field, save with If-Match, and on a 409 redo the same change once on
 * the state the server sent back, since a single-field edit cannot clobber anyone else's change.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { equalRefs, tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput, SettingsState } from "@/lib/settings/settings-types";
import { modelsQueryOptions } from "./models";
import { conflictStateOf, fetchSettings, saveSettings, settingsQueryOptions } from "./settings";
import { statusQueryOptions } from "./status";

export type CatalogAction =
  { kind: "primary"; ref: string } | { kind: "fallback"; ref: string } | { kind: "alias"; ref: string; alias: string };

export type ActionPlan =
  | { kind: "save"; input: SettingsInput; message: string }
  | { kind: "unchanged"; message: string }
  | { kind: "refused"; message: string };

/** The settings after one catalog action, or why nothing is saved. Pure. */
export function planAction(state: SettingsInput, action: CatalogAction): ActionPlan {
  const base: SettingsInput = {
    primary: state.primary,
    fallbacks: [...state.fallbacks],
    aliases: { ...state.aliases },
  };
  switch (action.kind) {
    case "primary": {
      if (equalRefs(state.primary, action.ref)) return { kind: "unchanged", message: "Already the primary model." };
      // A fallback equal to the primary is invalid, so promoting a fallback takes it out of the list.
      const fallbacks = base.fallbacks.filter((ref) => !equalRefs(ref, action.ref));
      return {
        kind: "save",
        input: { ...base, primary: action.ref, fallbacks },
        message: `Primary model set to ${action.ref}.`,
      };
    }
    case "fallback": {
      if (equalRefs(state.primary, action.ref)) {
        return { kind: "refused", message: "This ref is the primary model; a fallback must be a different ref." };
      }
      if (base.fallbacks.some((ref) => equalRefs(ref, action.ref)))
        return { kind: "unchanged", message: "Already in the fallbacks." };
      return {
        kind: "save",
        input: { ...base, fallbacks: [...base.fallbacks, action.ref] },
        message: `Added to the fallbacks (position ${base.fallbacks.length + 1}).`,
      };
    }
    case "alias": {
      const alias = action.alias.trim();
      const key = Object.keys(base.aliases).find((ref) => equalRefs(ref, action.ref));
      const current = key === undefined ? "" : (base.aliases[key] ?? "");
      if (current === alias)
        return { kind: "unchanged", message: alias ? "The alias is unchanged." : "No alias to remove." };
      if (key !== undefined) delete base.aliases[key];
      if (alias) base.aliases[action.ref] = alias;
      return { kind: "save", input: base, message: alias ? `Alias set to "${alias}".` : "Alias removed." };
    }
  }
}

/** The alias of a ref in the settings, whatever spelling the file uses for the ref. */
export function aliasOf(state: Pick<SettingsInput, "aliases"> | undefined, ref: string): string {
  if (!state) return "";
  const key = Object.keys(state.aliases).find((candidate) => equalRefs(candidate, ref));
  return key === undefined ? "" : (state.aliases[key] ?? "");
}

function checkWritable(state: SettingsState): void {
  if (state.parseError) {
    const where = state.parseError.line ? ` (line ${state.parseError.line})` : "";
    throw new Error(`The config file cannot be parsed${where}: fix it on the Settings page first.`);
  }
}

/** Reads, plans, saves; on a 409 plans the same action once more on the state the server returned. */
export async function runAction(action: CatalogAction): Promise<{ message: string; state: SettingsState | null }> {
  let state = await fetchSettings();
  for (let attempt = 0; ; attempt++) {
    checkWritable(state);
    const plan = planAction(state, action);
    if (plan.kind === "refused") throw new Error(plan.message);
    if (plan.kind === "unchanged") return { message: plan.message, state };
    try {
      return { message: plan.message, state: await saveSettings({ input: plan.input, etag: state.etag }) };
    } catch (error) {
      const current = conflictStateOf(error);
      if (!current || attempt > 0) throw error;
      state = current;
    }
  }
}

/** Runs a catalog action and refreshes everything that shows its result (badges, aliases, status). */
export function useCatalogAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runAction,
    onSuccess: async ({ state }) => {
      if (state) queryClient.setQueryData(settingsQueryOptions().queryKey, state);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: modelsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: statusQueryOptions().queryKey }),
      ]);
    },
  });
}

export interface ModelUsage {
  /** The primary ref when it is this model (any routing suffix). */
  primary: string | null;
  /** This model's fallback refs with their 1-based position. */
  fallbacks: { ref: string; position: number }[];
}

const baseOf = (ref: string): string => (tryNormaliseRef(ref) ?? ref).split(":")[0] ?? ref;

/** Where the config uses a model (by its suffix-less ref), for the Primary / Fallback badges. */
export function usageOf(modelRef: string, state: Pick<SettingsInput, "primary" | "fallbacks"> | undefined): ModelUsage {
  if (!state) return { primary: null, fallbacks: [] };
  const base = baseOf(modelRef);
  return {
    primary: state.primary && baseOf(state.primary) === base ? (tryNormaliseRef(state.primary) ?? state.primary) : null,
    fallbacks: state.fallbacks.flatMap((ref, index) =>
      baseOf(ref) === base ? [{ ref: tryNormaliseRef(ref) ?? ref, position: index + 1 }] : [],
    ),
  };
}
