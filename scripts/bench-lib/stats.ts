/** Small statistics for scripts/bench-speed.ts: every figure is a median with its spread over rounds. */
export const median = (samples: readonly number[]): number =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;

export const percentile = (samples: readonly number[], p: number): number =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * p))] ?? Number.NaN;

/** One figure over repeated rounds: the median of the round values and their range. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function figure(rounds: readonly number[]): Figure {
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds: rounds.length };
}

/** "12.3 ms (11.9–13.0)" */
export function show(value: Figure, unit: string, digits = 1): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(value.median)} ${unit} (${f(value.min)}–${f(value.max)})`;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
