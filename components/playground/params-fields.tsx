"use client";
import { useId } from "react";
import { inputClasses } from "@/components/ui/input-classes";
import { NUMBER_PARAMS, numberParam, type ParamsDraft } from "@/lib/client/playground-params";

/** System prompt and sampling parameters; a blank number means "the model's default". */
export function ParamsFields({ draft, onChange }: { draft: ParamsDraft; onChange: (draft: ParamsDraft) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <label htmlFor={`${id}-system`} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          System prompt
        </label>
        <textarea
          id={`${id}-system`}
          rows={3}
          value={draft.system}
          onChange={(event) => onChange({ ...draft, system: event.target.value })}
          placeholder="You are a helpful assistant."
          className={inputClasses(false, "h-auto min-h-16 resize-y py-1.5")}
        />
      </div>
      <div className="grid grid-cols-3 gap-2">
        {NUMBER_PARAMS.map((spec) => {
          const { invalid } = numberParam(draft[spec.key], spec);
          return (
            <div key={spec.key}>
              <label
                htmlFor={`${id}-${spec.key}`}
                className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300"
              >
                {spec.label}
              </label>
              <input
                id={`${id}-${spec.key}`}
                type="number"
                inputMode="decimal"
                min={spec.min}
                max={spec.max}
                step={spec.step}
                placeholder="default"
                value={draft[spec.key]}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-${spec.key}-error` : undefined}
                onChange={(event) => onChange({ ...draft, [spec.key]: event.target.value })}
                className={inputClasses(invalid, "px-2 text-xs")}
              />
              {invalid ? (
                <p id={`${id}-${spec.key}-error`} className="mt-1 text-[11px] text-red-700 dark:text-red-400">
                  {spec.integer ? `Whole number ≥ ${spec.min}` : `${spec.min} to ${spec.max}`}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
