"use client";
import { type ReactNode, useId } from "react";
import { ModelCombobox } from "@/components/shared/model-combobox";
import { SelectedModel } from "@/components/shared/selected-model";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import type { ModelOption } from "@/lib/catalog/model-options";

export interface PrimaryFieldProps {
  value: string;
  onChange: (ref: string) => void;
  options: readonly ModelOption[];
  issues: readonly string[];
  /** Shown under the field, e.g. the chain check's findings about the primary. */
  notes?: ReactNode;
}

export function PrimaryField({ value, onChange, options, issues, notes }: PrimaryFieldProps) {
  const errorId = useId();
  return (
    <Card
      title="Primary model"
      description={
        <>
          What OpenClaw uses by default (<code className="font-mono">agents.defaults.model.primary</code>). Search by
          name, alias, org or provider, or type any ref such as{" "}
          <code className="font-mono">huggingface/org/model:cheapest</code>.
        </>
      }
    >
      <ModelCombobox
        label="Primary model"
        value={value}
        onChange={onChange}
        options={options}
        placeholder="huggingface/org/model[:suffix]"
        invalid={issues.length > 0}
        describedBy={issues.length ? errorId : undefined}
      />
      <SelectedModel value={value} options={options} />
      <FieldError id={errorId} messages={issues} />
      {notes}
    </Card>
  );
}
