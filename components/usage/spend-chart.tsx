"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCost } from "@/lib/chat/usage-cost";
import { formatCount } from "@/lib/format";
import { stackedByModel, type DayMetric } from "@/lib/usage/usage-chart-data";
import type { UsageResponse } from "@/lib/usage/usage-types";
import { ChartCard } from "./chart-card";
import {
  axisProps,
  barChartProps,
  gridProps,
  legendProps,
  OTHER_COLOR,
  SERIES_COLORS,
  tooltipProps,
} from "./chart-theme";
import { FiguresTable } from "./figures-table";
import { useMetricSwitch } from "./use-metric-switch";

const METRICS = [
  { value: "costUsd", label: "Spend (USD)" },
  { value: "requests", label: "Requests" },
] as const;

const formatOf = (metric: DayMetric) => (metric === "costUsd" ? formatCost : formatCount);
const shortDay = (day: string) => day.slice(5);

/** Spend or requests per day, stacked by model. */
export function SpendChart({ usage, nameOf }: { usage: UsageResponse; nameOf: (model: string) => string }) {
  const { metric, label: metricLabel, controls } = useMetricSwitch<DayMetric>("day-metric", METRICS);
  const chart = stackedByModel(usage.byDay, usage.byModel, metric, usage, nameOf);
  const format = formatOf(metric);
  const colorOf = (key: string, i: number) => (key === "other" ? OTHER_COLOR : (SERIES_COLORS[i] ?? OTHER_COLOR));

  const table = (
    <FiguresTable
      label={`${metricLabel} per day and model`}
      caption={`${metricLabel} per day, by model`}
      columns={["Day", ...chart.series.map((s) => s.label), "Total"]}
      rows={chart.rows.map((row) => {
        const figures = chart.series.map((s) => Number(row[s.key]) || 0);
        const total = figures.reduce((sum, value) => sum + value, 0);
        return {
          key: row.day,
          header: row.day,
          cells: [
            ...figures.map((value) => format(value)),
            <span key="total" className="font-medium">
              {format(total)}
            </span>,
          ],
        };
      })}
    />
  );

  return (
    <ChartCard
      title="Per day, by model"
      description="Spend uses each answering provider's price; requests with an unknown price count as $0."
      controls={controls}
      table={table}
      summary={`Stacked bars: ${metricLabel.toLowerCase()} for each day from ${usage.from} to ${usage.to}, one colour per model.`}
    >
      <BarChart {...barChartProps} data={chart.rows}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} {...axisProps} />
        <YAxis tickFormatter={(v: number) => format(v)} width={72} {...axisProps} />
        <Tooltip {...tooltipProps(format)} />
        <Legend {...legendProps(chart.series.map((s) => s.key))} />
        {chart.series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="day"
            fill={colorOf(s.key, i)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartCard>
  );
}
