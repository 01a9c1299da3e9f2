"use client";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatLatency, formatThroughput } from "@/lib/format";
import type { BackendFigures } from "@/lib/usage/usage-chart-data";
import { ChartCard, MetricSwitch, TableScroll, tableClasses, tdClasses, thClasses } from "./chart-card";
import { ADVERTISED_COLOR, axisProps, ChartTooltip, gridProps, legendProps, MEASURED_COLOR } from "./chart-theme";

type SpeedMetric = "ttft" | "speed";
const METRICS = [
  { value: "ttft", label: "Time to first token" },
  { value: "speed", label: "Tokens per second" },
] as const;

/** Each backend's measured time to first token and speed beside the router's advertised figures. */
export function BackendSpeed({ backends }: { backends: readonly BackendFigures[] }) {
  const [metric, setMetric] = useState<SpeedMetric>("ttft");
  const ttft = metric === "ttft";
  const format = ttft ? formatLatency : formatThroughput;
  const rows = backends.map((b) => ({
    label: b.label,
    measured: ttft ? b.measuredTtftMs : b.measuredTokensPerSecond,
    advertised: ttft ? b.advertisedTtftMs : b.advertisedTokensPerSecond,
  }));

  const table = (
    <TableScroll label="Measured and advertised speed per backend">
      <table className={tableClasses}>
        <caption className="sr-only">Measured and advertised speed per backend</caption>
        <thead>
          <tr>
            {[
              "Model · provider",
              "Answers",
              "TTFT measured",
              "TTFT advertised",
              "Speed measured",
              "Speed advertised",
            ].map((label, i) => (
              <th key={label} scope="col" className={`${thClasses} ${i > 0 ? "text-right" : ""}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {backends.map((b) => (
            <tr key={b.label}>
              <th scope="row" className={`${tdClasses} font-normal`}>
                {b.label}
              </th>
              <td className={`${tdClasses} text-right`}>{formatCount(b.requests)}</td>
              <td className={`${tdClasses} text-right`}>{formatLatency(b.measuredTtftMs)}</td>
              <td className={`${tdClasses} text-right`}>{formatLatency(b.advertisedTtftMs)}</td>
              <td className={`${tdClasses} text-right`}>{formatThroughput(b.measuredTokensPerSecond)}</td>
              <td className={`${tdClasses} text-right`}>{formatThroughput(b.advertisedTokensPerSecond)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <ChartCard
      title="Backends: measured by you vs advertised"
      description="Medians of your streamed answers that needed no fallback, beside the figures in the router's model list."
      controls={<MetricSwitch name="speed-metric" label="Show" value={metric} options={METRICS} onChange={setMetric} />}
      table={table}
      summary={`Bars per backend: ${METRICS.find((m) => m.value === metric)?.label.toLowerCase()}, measured and advertised.`}
    >
      <BarChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={rows}
        layout="vertical"
        margin={{ left: 8, right: 16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid {...gridProps} horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => format(v)} {...axisProps} />
        <YAxis type="category" dataKey="label" width={180} {...axisProps} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          content={(props) => <ChartTooltip {...props} format={format} />}
        />
        <Legend {...legendProps(["measured", "advertised"])} />
        <Bar dataKey="measured" name="Measured by you" fill={MEASURED_COLOR} isAnimationActive={false} />
        <Bar dataKey="advertised" name="Advertised by the router" fill={ADVERTISED_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
