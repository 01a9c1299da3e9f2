"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import type { ErrorRate } from "@/lib/usage/usage-chart-data";
import { ChartCard, TableScroll, tableClasses, tdClasses, thClasses } from "./chart-card";
import { axisProps, ChartTooltip, gridProps } from "./chart-theme";

const ERROR_COLOR = "#ef4444";
const percent = (value: number) => `${value}%`;

/** Per provider: the share of upstream attempts that failed (fallback attempts included). */
export function ErrorRates({ rates }: { rates: readonly ErrorRate[] }) {
  const table = (
    <TableScroll label="Error rate per provider">
      <table className={tableClasses}>
        <caption className="sr-only">Failed upstream attempts per provider</caption>
        <thead>
          <tr>
            {["Provider", "Attempts", "Failed", "Error rate"].map((label, i) => (
              <th key={label} scope="col" className={`${thClasses} ${i > 0 ? "text-right" : ""}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.provider}>
              <th scope="row" className={`${tdClasses} font-normal`}>
                {r.provider}
              </th>
              <td className={`${tdClasses} text-right`}>{formatCount(r.attempts)}</td>
              <td className={`${tdClasses} text-right`}>{formatCount(r.failed)}</td>
              <td className={`${tdClasses} text-right`}>{percent(r.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <ChartCard
      title="Error rate per provider"
      description="Failed upstream attempts, including the ones the gateway recovered from by falling back."
      table={table}
      summary="Bars per provider: the percentage of attempts that failed."
    >
      <BarChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={rates as ErrorRate[]}
        accessibilityLayer={false}
      >
        <CartesianGrid {...gridProps} vertical={false} />
        <XAxis dataKey="provider" {...axisProps} />
        <YAxis tickFormatter={percent} domain={[0, 100]} width={48} {...axisProps} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          content={(props) => <ChartTooltip {...props} format={percent} />}
        />
        <Bar dataKey="percent" name="Failed attempts" fill={ERROR_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
