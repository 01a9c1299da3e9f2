"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatLatency, formatThroughput } from "@/lib/format";
import type { BackendFigures } from "@/lib/usage/usage-chart-data";
import { ChartCard } from "./chart-card";
import {
  ADVERTISED_COLOR,
  axisProps,
  barChartProps,
  gridProps,
  legendProps,
  MEASURED_COLOR,
  tooltipProps,
} from "./chart-theme";
import { FiguresTable } from "./figures-table";
import { useMetricSwitch } from "./use-metric-switch";

const METRICS = [
  { value: "ttft", label: "Time to first token" },
  { value: "speed", label: "Tokens per second" },
] as const;

/** Each backend's measured time to first token and speed beside the router's advertised figures. */
export function BackendSpeed({ backends }: { backends: readonly BackendFigures[] }) {
  const { metric, label, controls } = useMetricSwitch("speed-metric", METRICS);
  const ttft = metric === "ttft";
  const format = ttft ? formatLatency : formatThroughput;
  const rows = backends.map((b) => ({
    label: b.label,
    measured: ttft ? b.measuredTtftMs : b.measuredTokensPerSecond,
    advertised: ttft ? b.advertisedTtftMs : b.advertisedTokensPerSecond,
  }));

  const table = (
    <FiguresTable
      label="Measured and advertised speed per backend"
      caption="Measured and advertised speed per backend"
      columns={[
        "Model · provider",
        "Answers",
        "TTFT measured",
        "TTFT advertised",
        "Speed measured",
        "Speed advertised",
      ]}
      rows={backends.map((b) => ({
        key: b.label,
        header: b.label,
        cells: [
          formatCount(b.requests),
          formatLatency(b.measuredTtftMs),
          formatLatency(b.advertisedTtftMs),
          formatThroughput(b.measuredTokensPerSecond),
          formatThroughput(b.advertisedTokensPerSecond),
        ],
      }))}
    />
  );

  return (
    <ChartCard
      title="Backends: measured by you vs advertised"
      description="Medians of your streamed answers that needed no fallback, beside the figures in the router's model list."
      controls={controls}
      table={table}
      summary={`Bars per backend: ${label.toLowerCase()}, measured and advertised.`}
    >
      <BarChart {...barChartProps} data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid {...gridProps} horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => format(v)} {...axisProps} />
        <YAxis type="category" dataKey="label" width={180} {...axisProps} />
        <Tooltip {...tooltipProps(format)} />
        <Legend {...legendProps(["measured", "advertised"])} />
        <Bar dataKey="measured" name="Measured by you" fill={MEASURED_COLOR} isAnimationActive={false} />
        <Bar dataKey="advertised" name="Advertised by the router" fill={ADVERTISED_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
