"use client";
import type { ReactNode } from "react";
import type { TooltipContentProps } from "recharts";

/**
 * Series colours: mid tones that stand out on both the light and the dark background. The last
 * one (grey) is for "Other models".
 */
export const SERIES_COLORS = ["#f59e0b", "#3b82f6", "#10b981", "#a855f7", "#ef4444", "#06b6d4"];
export const OTHER_COLOR = "#71717a";
export const MEASURED_COLOR = "#3b82f6";
export const ADVERTISED_COLOR = "#a1a1aa";

/** Axis and grid props that follow the text colour, so both themes read well. */
export const axisProps = {
  tick: { fill: "currentColor", fontSize: 12 },
  stroke: "currentColor",
  strokeOpacity: 0.3,
} as const;
export const gridProps = { stroke: "currentColor", strokeOpacity: 0.12, strokeDasharray: "3 3" } as const;

/** Every bar chart here fills its card; its numbers are read from the table, not the library's keyboard layer. */
export const barChartProps = {
  responsive: true,
  style: { width: "100%", height: "100%" },
  accessibilityLayer: false,
} as const;

/** Tooltip props: a faint band under the pointer and the figures, formatted, in the page's colours. */
export function tooltipProps(format: (value: number) => string) {
  return {
    cursor: { fill: "currentColor", fillOpacity: 0.06 },
    content: (props: TooltipContentProps) => <ChartTooltip {...props} format={format} />,
  };
}

/**
 * Legend props: items in the order the series were given (the library sorts by label) and text
 * in the page's colour (the library colours it like the series, unreadable for light tones).
 */
export function legendProps(order: readonly string[]) {
  return {
    wrapperStyle: { fontSize: 12 },
    itemSorter: (item: { dataKey?: unknown }) => order.indexOf(String(item.dataKey)),
    formatter: (value: ReactNode) => <span className="text-zinc-700 dark:text-zinc-300">{value}</span>,
  };
}

interface TooltipEntry {
  name?: ReactNode;
  value?: unknown;
  color?: string;
  dataKey?: unknown;
}

/** Tooltip content in the page's own colours (the library's default is white on any theme). */
export function ChartTooltip({
  active,
  payload,
  label,
  format,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: ReactNode;
  format: (value: number) => string;
}) {
  if (!active || !payload?.length) return null;
  const entries = payload.filter((entry) => typeof entry.value === "number" && entry.value !== 0);
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-800 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-semibold">{label}</p>
      {(entries.length ? entries : payload).map((entry) => (
        <p key={String(entry.dataKey)} className="flex items-center gap-1.5">
          <span aria-hidden className="size-2 rounded-sm" style={{ background: entry.color }} />
          {entry.name}: {typeof entry.value === "number" ? format(entry.value) : "—"}
        </p>
      ))}
    </div>
  );
}
