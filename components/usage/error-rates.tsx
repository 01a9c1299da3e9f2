"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import type { ErrorRate } from "@/lib/usage/usage-chart-data";
import { ChartCard } from "./chart-card";
import { axisProps, barChartProps, gridProps, tooltipProps } from "./chart-theme";
import { FiguresTable } from "./figures-table";

const ERROR_COLOR = "#ef4444";
const percent = (value: number) => `${value}%`;

/** Per provider: the share of upstream attempts that failed (fallback attempts included). */
export function ErrorRates({ rates }: { rates: readonly ErrorRate[] }) {
  const table = (
    <FiguresTable
      label="Error rate per provider"
      caption="Failed upstream attempts per provider"
      columns={["Provider", "Attempts", "Failed", "Error rate"]}
      rows={rates.map((r) => ({
        key: r.provider,
        header: r.provider,
        cells: [formatCount(r.attempts), formatCount(r.failed), percent(r.percent)],
      }))}
    />
  );

  return (
    <ChartCard
      title="Error rate per provider"
      description="Failed upstream attempts, including the ones the gateway recovered from by falling back."
      table={table}
      summary="Bars per provider: the percentage of attempts that failed."
    >
      <BarChart {...barChartProps} data={rates as ErrorRate[]}>
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="provider" {...axisProps} />
        <YAxis tickFormatter={percent} domain={[0, 100]} width={48} {...axisProps} />
        <Tooltip {...tooltipProps(percent)} />
        <Bar dataKey="percent" name="Failed attempts" fill={ERROR_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
