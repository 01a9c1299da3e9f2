"use client";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCost } from "@/lib/chat/usage-cost";
import { formatCount } from "@/lib/format";
import { stackedByModel, type DayMetric } from "@/lib/usage/usage-chart-data";
import type { UsageResponse } from "@/lib/usage/usage-types";
import { ChartCard, MetricSwitch, TableScroll, tableClasses, tdClasses, thClasses } from "./chart-card";
import { axisProps, ChartTooltip, gridProps, legendProps, OTHER_COLOR, SERIES_COLORS } from "./chart-theme";

const METRICS = [
  { value: "costUsd", label: "Spend (USD)" },
  { value: "requests", label: "Requests" },
] as const;

const formatOf = (metric: DayMetric) => (metric === "costUsd" ? formatCost : formatCount);
const shortDay = (day: string) => day.slice(5);

/** Spend or requests per day, stacked by model. */
export function SpendChart({ usage, nameOf }: { usage: UsageResponse; nameOf: (model: string) => string }) {
  const [metric, setMetric] = useState<DayMetric>("costUsd");
  const chart = stackedByModel(usage.byDay, usage.byModel, metric, usage, nameOf);
  const format = formatOf(metric);
  const colorOf = (key: string, i: number) => (key === "other" ? OTHER_COLOR : (SERIES_COLORS[i] ?? OTHER_COLOR));
  const metricLabel = METRICS.find((m) => m.value === metric)?.label ?? "";

  const table = (
    <TableScroll label={`${metricLabel} per day and model`}>
      <table className={tableClasses}>
        <caption className="sr-only">{metricLabel} per day, by model</caption>
        <thead>
          <tr>
            <th scope="col" className={thClasses}>
              Day
            </th>
            {chart.series.map((s) => (
              <th key={s.key} scope="col" className={`${thClasses} text-right`}>
                {s.label}
              </th>
            ))}
            <th scope="col" className={`${thClasses} text-right`}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => {
            const total = chart.series.reduce((sum, s) => sum + (Number(row[s.key]) || 0), 0);
            return (
              <tr key={row.day}>
                <th scope="row" className={`${tdClasses} font-normal`}>
                  {row.day}
                </th>
                {chart.series.map((s) => (
                  <td key={s.key} className={`${tdClasses} text-right`}>
                    {format(Number(row[s.key]) || 0)}
                  </td>
                ))}
                <td className={`${tdClasses} text-right font-medium`}>{format(total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <ChartCard
      title="Per day, by model"
      description="Spend uses each answering provider's price; requests with an unknown price count as $0."
      controls={<MetricSwitch name="day-metric" label="Show" value={metric} options={METRICS} onChange={setMetric} />}
      table={table}
      summary={`Stacked bars: ${metricLabel.toLowerCase()} for each day from ${usage.from} to ${usage.to}, one colour per model.`}
    >
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={chart.rows} accessibilityLayer={false}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} {...axisProps} />
        <YAxis tickFormatter={(v: number) => format(v)} width={72} {...axisProps} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          content={(props) => <ChartTooltip {...props} format={format} />}
        />
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
