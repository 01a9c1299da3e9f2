"use client";
import { useLiveListKnown } from "@/lib/client/models";
import { type ModelOption, optionForRef } from "@/lib/catalog/model-options";

/** One line under a model field: what the chosen ref is, and a warning when the router does not serve it. */
export function SelectedModel({ value, options }: { value: string; options: readonly ModelOption[] }) {
  const liveListKnown = useLiveListKnown();
  const option = value.trim() ? optionForRef(value, options) : null;
  if (!option) return null;
  return (
    <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
      {option.alias ? (
        <>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">{option.label}</span>
          {option.realName ? ` · ${option.realName}` : null}
        </>
      ) : (
        option.label
      )}
      {option.kind === "config" ? " · not in the catalog" : null}
      {option.available || !liveListKnown ? null : (
        <span className="text-amber-700 dark:text-amber-400"> · not currently routed</span>
      )}
    </p>
  );
}
