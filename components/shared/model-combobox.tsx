"use client";
import { Combobox, type ComboboxResult } from "@/components/ui/combobox";
import { useLiveListKnown } from "@/lib/client/models";
import { customRefOption, filterModelOptions, type ModelOption } from "@/lib/catalog/model-options";

export interface ModelComboboxProps {
  label: string;
  hideLabel?: boolean;
  value: string;
  onChange: (ref: string) => void;
  options: readonly ModelOption[];
  /** Refs not offered here (e.g. the primary and current fallbacks when adding a fallback). */
  exclude?: ReadonlySet<string>;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  id?: string;
  className?: string;
}

/** Picks a model ref: catalog refs, aliases and routing variants, or any valid ref typed in full. */
export function ModelCombobox({ options, exclude, onChange, ...props }: ModelComboboxProps) {
  const getOptions = (query: string): ComboboxResult<ModelOption> => {
    const allowed = exclude?.size ? options.filter((option) => !exclude.has(option.value)) : options;
    const result = filterModelOptions(allowed, query);
    const custom = customRefOption(query, options);
    if (!custom || exclude?.has(custom.value)) return result;
    return { options: [custom, ...result.options], hidden: result.hidden };
  };
  return (
    <Combobox
      {...props}
      getOptions={getOptions}
      onChange={(ref) => onChange(ref)}
      renderOption={(option) => <ModelOptionView option={option} />}
      emptyText="No model matches. Type a full ref such as huggingface/org/model:fastest."
    />
  );
}

function ModelOptionView({ option }: { option: ModelOption }) {
  const liveListKnown = useLiveListKnown();
  return (
    <span className="flex min-w-0 flex-col">
      <span className="flex items-center gap-2">
        <span className="truncate">{option.label}</span>
        {option.realName ? (
          <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{option.realName}</span>
        ) : null}
        {option.available || !liveListKnown ? null : (
          <span className="ml-auto shrink-0 rounded bg-zinc-200 px-1 text-[10px] text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300">
            not currently routed
          </span>
        )}
      </span>
      <span className="truncate font-mono text-[11px] font-normal text-zinc-500 dark:text-zinc-400">
        {option.value}
      </span>
    </span>
  );
}
