"use client";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** Controls shown above the chart and the table alike (e.g. which metric). */
  controls?: ReactNode;
  /** The chart's numbers, for screen readers and anyone who wants exact values. */
  table: ReactNode;
  /** What the chart shows, in words, for assistive technology. */
  summary: string;
  children: ReactNode;
}

/** A chart with a "Show as table" switch: every chart's numbers are one click away, as a table. */
export function ChartCard({ title, description, controls, table, summary, children }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  return (
    <Card
      title={title}
      description={description}
      actions={
        <Button size="sm" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
          Show as table
        </Button>
      }
    >
      {controls ? <div className="mb-3">{controls}</div> : null}
      {asTable ? (
        table
      ) : (
        <figure className="text-zinc-600 dark:text-zinc-400">
          <div aria-hidden className="h-64 w-full">
            {children}
          </div>
          <figcaption className="sr-only">{summary} The same numbers are available with “Show as table”.</figcaption>
        </figure>
      )}
    </Card>
  );
}

/** A small radio group to switch what a chart shows. */
export function MetricSwitch<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3 text-sm">
      <legend className="sr-only">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="inline-flex items-center gap-1.5">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export const tableClasses = "w-full min-w-max border-collapse text-left text-sm tabular-nums";
export const thClasses =
  "border-b border-zinc-200 px-2 py-1.5 text-xs font-semibold text-zinc-600 dark:border-zinc-800 dark:text-zinc-300";
export const tdClasses = "border-b border-zinc-100 px-2 py-1.5 dark:border-zinc-800/60";

/** A table that scrolls sideways on small screens, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}
