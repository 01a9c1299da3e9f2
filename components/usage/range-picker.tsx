"use client";
import { useId } from "react";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";
import { usageCsvUrl } from "@/lib/client/usage";
import { addDays, localDay } from "@/lib/usage/usage-query";

export interface DayRange {
  from: string;
  to: string;
}

const PRESETS = [
  { days: 1, label: "Today" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
] as const;

/** The last `days` days up to today. */
export function lastDays(days: number, now = Date.now()): DayRange {
  const to = localDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** From and to (local days, inclusive), quick presets, and the CSV export of the range. */
export function RangePicker({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${id}-from`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => e.target.value && onChange({ ...range, from: e.target.value })}
          className={inputClasses(false, "w-40")}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => e.target.value && onChange({ ...range, to: e.target.value })}
          className={inputClasses(false, "w-40")}
        />
      </div>
      <div role="group" aria-label="Quick ranges" className="flex gap-1">
        {PRESETS.map((preset) => {
          const value = lastDays(preset.days);
          const active = value.from === range.from && value.to === range.to;
          return (
            <button
              key={preset.days}
              type="button"
              aria-pressed={active}
              onClick={() => onChange(value)}
              className={buttonClasses(active ? "primary" : "secondary", "md")}
            >
              {preset.label}
            </button>
          );
        })}
      </div>
      <a href={usageCsvUrl(range)} download className={buttonClasses("secondary", "md", "ml-auto")}>
        Export CSV
      </a>
    </div>
  );
}
