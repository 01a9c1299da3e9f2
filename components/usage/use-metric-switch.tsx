"use client";
import { useState } from "react";
import { MetricSwitch } from "./chart-card";

/** What a chart shows (the first option at first), its label, and the radio group that switches it. */
export function useMetricSwitch<T extends string>(
  name: string,
  options: readonly [{ value: T; label: string }, ...{ value: T; label: string }[]],
) {
  const [metric, setMetric] = useState<T>(options[0].value);
  const label = options.find((option) => option.value === metric)?.label ?? "";
  const controls = <MetricSwitch name={name} label="Show" value={metric} options={options} onChange={setMetric} />;
  return { metric, label, controls };
}
