"use client";
import { useEffect, useId, useState } from "react";
import { ModelCombobox } from "@/components/shared/model-combobox";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { inputClasses } from "@/components/ui/input-classes";
import type { ModelOption } from "@/lib/catalog/model-options";
import { type AliasRow, newRowKey } from "./form-model";

export interface AliasesEditorProps {
  rows: AliasRow[];
  onChange: (rows: AliasRow[]) => void;
  options: readonly ModelOption[];
  rowIssues: ReadonlyMap<string, string[]>;
}

/** Table of ref → alias; any ref, suffix variants included. */
export function AliasesEditor({ rows, onChange, options, rowIssues }: AliasesEditorProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const captionId = useId();

  useEffect(() => {
    if (focusKey) document.getElementById(`alias-ref-${focusKey}`)?.focus();
  }, [focusKey]);

  const update = (key: string, patch: Partial<AliasRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    const key = newRowKey();
    onChange([...rows, { key, ref: "", alias: "" }]);
    setFocusKey(key);
  };

  return (
    <Card
      title="Aliases"
      description={
        <span id={captionId}>
          Short names for refs (<code className="font-mono">agents.defaults.models[ref].alias</code>), usable as the
          model in OpenClaw and in the dashboard&apos;s API. 1–64 characters, unique, not a ref. Removing an alias keeps
          the entry&apos;s other options.
        </span>
      }
      actions={
        <Button size="sm" onClick={add}>
          Add alias
        </Button>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No aliases.</p>
      ) : (
        <table aria-describedby={captionId} className="w-full border-separate border-spacing-y-1 text-sm">
          <caption className="sr-only">Aliases</caption>
          <thead>
            <tr className="text-left text-xs text-zinc-500 dark:text-zinc-400">
              <th scope="col" className="w-1/2 pr-2 font-medium">
                Model ref
              </th>
              <th scope="col" className="pr-2 font-medium">
                Alias
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <AliasRowView
                key={row.key}
                row={row}
                number={index + 1}
                options={options}
                issues={rowIssues.get(row.key) ?? []}
                onChange={(patch) => update(row.key, patch)}
                onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
              />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

interface AliasRowViewProps {
  row: AliasRow;
  number: number;
  options: readonly ModelOption[];
  issues: readonly string[];
  onChange: (patch: Partial<AliasRow>) => void;
  onRemove: () => void;
}

function AliasRowView({ row, number, options, issues, onChange, onRemove }: AliasRowViewProps) {
  const errorId = useId();
  const invalid = issues.length > 0;
  const name = row.ref.trim() || `row ${number}`;
  return (
    <tr className="align-top">
      <td className="pr-2">
        <ModelCombobox
          id={`alias-ref-${row.key}`}
          label={`Model ref, row ${number}`}
          hideLabel
          value={row.ref}
          onChange={(ref) => onChange({ ref })}
          options={options}
          placeholder="huggingface/org/model[:suffix]"
          invalid={invalid}
          describedBy={invalid ? errorId : undefined}
        />
        <FieldError id={errorId} messages={issues} />
      </td>
      <td className="pr-2">
        <label htmlFor={`alias-text-${row.key}`} className="sr-only">
          Alias for {name}
        </label>
        <input
          id={`alias-text-${row.key}`}
          type="text"
          autoComplete="off"
          value={row.alias}
          maxLength={128}
          onChange={(event) => onChange({ alias: event.target.value })}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className={inputClasses(invalid)}
        />
      </td>
      <td className="w-px">
        <Button variant="ghost" size="md" aria-label={`Remove alias for ${name}`} onClick={onRemove}>
          Remove
        </Button>
      </td>
    </tr>
  );
}
