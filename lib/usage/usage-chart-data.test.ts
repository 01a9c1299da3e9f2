import { describe, expect, it } from "vitest";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { backendFigures, errorRates, modelNamer, stackedByModel } from "./usage-chart-data";
import type { UsageDay, UsageModel, UsageProvider } from "./usage-types";

const sums = { errors: 0, promptTokens: 0, completionTokens: 0, unpricedRequests: 0 };
const model = (name: string | null, requests: number, costUsd: number): UsageModel => ({
  model: name,
  requests,
  costUsd,
  ...sums,
});
const day = (d: string, models: UsageDay["models"]): UsageDay => ({
  day: d,
  requests: models.reduce((n, m) => n + m.requests, 0),
  costUsd: models.reduce((n, m) => n + m.costUsd, 0),
  ...sums,
  models,
});

describe("stackedByModel", () => {
  const models = [model("a/A", 1, 0.5), model("b/B", 5, 0.1), model("c/C", 1, 0.01), model(null, 2, 0)];
  const days = [
    day("2025-01-02", [
      { model: "a/A", requests: 1, costUsd: 0.5 },
      { model: "c/C", requests: 1, costUsd: 0.01 },
    ]),
    day("2025-01-04", [
      { model: "b/B", requests: 5, costUsd: 0.1 },
      { model: null, requests: 2, costUsd: 0 },
    ]),
  ];
  const range = { from: "2025-01-01", to: "2025-01-04" };

  it("fills every day of a short range and gives the top models their own series", () => {
    const chart = stackedByModel(days, models, "costUsd", range, (m) => m.toUpperCase(), 3);
    expect(chart.series).toEqual([
      { key: "s0", label: "A/A" },
      { key: "s1", label: "B/B" },
      { key: "other", label: "Other models" },
    ]);
    expect(chart.rows).toEqual([
      { day: "2025-01-01", s0: 0, s1: 0, other: 0 },
      { day: "2025-01-02", s0: 0.5, s1: 0, other: 0.01 },
      { day: "2025-01-03", s0: 0, s1: 0, other: 0 },
      { day: "2025-01-04", s0: 0, s1: 0.1, other: 0 },
    ]);
  });

  it("ranks by the metric shown and names requests that reached no model", () => {
    const chart = stackedByModel(days, models, "requests", range);
    expect(chart.series.map((s) => s.label)).toEqual(["b/B", "No model (refused)", "a/A", "c/C"]);
    expect(chart.rows[3]).toMatchObject({ s0: 5, s1: 2 });
  });

  it("shows only the days with requests in a long range", () => {
    expect(stackedByModel(days, models, "costUsd", { from: "2024-01-01", to: "2025-01-04" }).rows).toHaveLength(2);
  });
});

describe("backendFigures and errorRates", () => {
  const catalog = [
    {
      id: "a/A",
      name: "Model A",
      providers: [{ provider: "p1", status: "live", firstTokenLatencyMs: 300, throughput: 80 }],
    },
  ] as unknown as CatalogModel[];

  it("puts the router's advertised figures beside the measured ones", () => {
    const [figures] = backendFigures(
      [{ model: "a/A", provider: "p1", requests: 3, medianTtftMs: 250, medianTokensPerSecond: 95 }],
      catalog,
      modelNamer(catalog),
    );
    expect(figures).toEqual({
      label: "Model A · p1",
      model: "a/A",
      provider: "p1",
      requests: 3,
      measuredTtftMs: 250,
      advertisedTtftMs: 300,
      measuredTokensPerSecond: 95,
      advertisedTokensPerSecond: 80,
    });
    expect(
      backendFigures(
        [{ model: "x/X", provider: "p", requests: 1, medianTtftMs: null, medianTokensPerSecond: null }],
        catalog,
      )[0],
    ).toMatchObject({ label: "x/X · p", advertisedTtftMs: null });
  });

  it("rates failed attempts per provider, worst first", () => {
    const provider = (name: string, attempts: number, failedAttempts: number) =>
      ({ provider: name, attempts, failedAttempts }) as UsageProvider;
    expect(errorRates([provider("ok", 4, 0), provider("bad", 3, 1), provider("idle", 0, 0)])).toEqual([
      { provider: "bad", attempts: 3, failed: 1, percent: 33.3 },
      { provider: "ok", attempts: 4, failed: 0, percent: 0 },
    ]);
  });
});
