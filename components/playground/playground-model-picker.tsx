"use client";
import { Combobox, type ComboboxResult } from "@/components/ui/combobox";
import { useLiveListKnown } from "@/lib/client/models";
import { customRefOption, filterModelOptions, type ModelOption } from "@/lib/catalog/model-options";

export interface PlaygroundModelPickerProps {
  label: string;
  value: string;
  onChange: (choice: string) => void;
  options: readonly ModelOption[];
  id?: string;
}

/** Picks `default`, an alias, or any ref (routing variants included, or typed in full). */
export function PlaygroundModelPicker({ label, value, onChange, options, id }: PlaygroundModelPickerProps) {
  const liveListKnown = useLiveListKnown();
  const getOptions = (query: string): ComboboxResult<ModelOption> => {
    const result = filterModelOptions(options, query);
    const custom = customRefOption(query, options);
    return custom ? { options: [custom, ...result.options], hidden: result.hidden } : result;
  };
  const current = options.find((option) => option.value === value);
  return (
    <div>
      <Combobox
        id={id}
        label={label}
        value={value}
        onChange={(choice) => onChange(choice)}
        getOptions={getOptions}
        placeholder="default, an alias or huggingface/org/model"
        renderOption={(option) => (
          <span className="flex min-w-0 flex-col">
            <span className="flex items-center gap-2">
              <span className="truncate">{option.label}</span>
              {option.realName ? (
                <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">{option.realName}</span>
              ) : null}
              {option.available || !liveListKnown ? null : (
                <span className="shrink-0 text-[10px] text-zinc-500">not currently routed</span>
              )}
            </span>
            <span className="truncate font-mono text-[11px] font-normal text-zinc-500 dark:text-zinc-400">
              {option.value === option.label ? option.detail : option.value}
            </span>
          </span>
        )}
        emptyText="No model matches. Type a full ref such as huggingface/org/model:fastest."
      />
      {current && current.value !== current.detail ? (
        <p className="mt-1 truncate text-xs text-zinc-500 dark:text-zinc-400" title={current.detail}>
          {current.realName ? `${current.realName} · ` : null}
          {current.detail}
        </p>
      ) : null}
    </div>
  );
}
