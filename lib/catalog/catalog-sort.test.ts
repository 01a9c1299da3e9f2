import { describe, expect, it } from "vitest";
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";
import { catalogModel } from "@/test/factories/catalog-model";
import { pinFavourites, rankByName, sortModels, sortProviders } from "./catalog-sort";

const MODELS = [
  catalogModel("org/Bravo", {
    providers: [
      { provider: "p", status: "live", pricing: { input: 1, output: 4 }, throughput: 50, firstTokenLatencyMs: 300 },
    ],
    contextWindow: 32768,
  }),
  catalogModel("org/alpha 10", {
    providers: [
      { provider: "p", status: "live", pricing: { input: 1, output: 2 }, throughput: 100, firstTokenLatencyMs: 900 },
    ],
    contextWindow: 131072,
  }),
  catalogModel("org/Unknown", { providers: [{ provider: "p", status: "live" }] }),
  catalogModel("org/alpha 9", {
    providers: [{ provider: "p", status: "error", pricing: { input: 0, output: 0 }, throughput: 999 }],
    contextWindow: 8192,
  }),
  catalogModel("org/Offline", { available: false }),
];
const names = (models: CatalogModel[]) => models.map((m) => m.displayName);

describe("sortModels", () => {
  it("name: natural order, case-insensitive, both directions", () => {
    expect(names(sortModels(MODELS, { key: "name", direction: "asc" }))).toEqual([
      "alpha 9",
      "alpha 10",
      "Bravo",
      "Offline",
      "Unknown",
    ]);
    expect(names(sortModels(MODELS, { key: "name", direction: "desc" }))).toEqual([
      "Unknown",
      "Offline",
      "Bravo",
      "alpha 10",
      "alpha 9",
    ]);
  });
  it("context: unknown last in both directions", () => {
    expect(names(sortModels(MODELS, { key: "context", direction: "desc" }))).toEqual([
      "alpha 10",
      "Bravo",
      "alpha 9",
      "Offline",
      "Unknown",
    ]);
    expect(names(sortModels(MODELS, { key: "context", direction: "asc" }))).toEqual([
      "alpha 9",
      "Bravo",
      "alpha 10",
      "Offline",
      "Unknown",
    ]);
  });
  it("price: cheapest live output price; a price only on an error provider does not count", () => {
    expect(names(sortModels(MODELS, { key: "price", direction: "asc" }))).toEqual([
      "alpha 10",
      "Bravo",
      "alpha 9",
      "Offline",
      "Unknown",
    ]);
    expect(names(sortModels(MODELS, { key: "price", direction: "desc" })).slice(0, 2)).toEqual(["Bravo", "alpha 10"]);
  });
  it("throughput and latency", () => {
    expect(names(sortModels(MODELS, { key: "throughput", direction: "desc" })).slice(0, 2)).toEqual([
      "alpha 10",
      "Bravo",
    ]);
    expect(names(sortModels(MODELS, { key: "latency", direction: "asc" })).slice(0, 2)).toEqual(["Bravo", "alpha 10"]);
  });
  it("relevance keeps a search ranking, else routed models first by name", () => {
    expect(names(sortModels(MODELS, { key: "relevance", direction: "desc" }, true))).toEqual(names(MODELS));
    expect(names(sortModels(MODELS, { key: "relevance", direction: "desc" }))).toEqual([
      "alpha 9",
      "alpha 10",
      "Bravo",
      "Unknown",
      "Offline",
    ]);
  });
  it("gives the same order with names ranked in advance", () => {
    const before = (["name", "context", "price", "relevance"] as const).map((key) =>
      names(sortModels(MODELS, { key, direction: "asc" })),
    );
    rankByName(MODELS);
    const after = (["name", "context", "price", "relevance"] as const).map((key) =>
      names(sortModels(MODELS, { key, direction: "asc" })),
    );
    expect(after).toEqual(before);
  });

  it("does not mutate its input", () => {
    const copy = [...MODELS];
    sortModels(MODELS, { key: "name", direction: "asc" });
    expect(MODELS).toEqual(copy);
  });
});

describe("pinFavourites", () => {
  it("moves favourites up, keeping the order inside each group", () => {
    const pinned = pinFavourites(MODELS, new Set(["org/Unknown", "org/Bravo"]));
    expect(names(pinned)).toEqual(["Bravo", "Unknown", "alpha 10", "alpha 9", "Offline"]);
  });
});

describe("sortProviders", () => {
  const providers: CatalogProvider[] = [
    {
      provider: "novita",
      status: "live",
      pricing: { input: 1.69, output: 3.38 },
      throughput: 24.7,
      supportsTools: true,
    },
    { provider: "featherless-ai", status: "live" },
    {
      provider: "together",
      status: "error",
      pricing: { input: 2.1, output: 4.4 },
      throughput: 40.1,
      supportsTools: false,
    },
    { provider: "deepinfra", status: "live", pricing: { input: 1.74, output: 3.48 }, throughput: 34.6 },
  ];
  const order = (column: Parameters<typeof sortProviders>[1], direction: "asc" | "desc") =>
    sortProviders(providers, column, direction).map((p) => p.provider);

  it("sorts numbers both ways with unknown last", () => {
    expect(order("output", "asc")).toEqual(["novita", "deepinfra", "together", "featherless-ai"]);
    expect(order("output", "desc")).toEqual(["together", "deepinfra", "novita", "featherless-ai"]);
    expect(order("throughput", "desc")).toEqual(["together", "deepinfra", "novita", "featherless-ai"]);
  });
  it("sorts by name, status and booleans", () => {
    expect(order("provider", "asc")).toEqual(["deepinfra", "featherless-ai", "novita", "together"]);
    expect(order("status", "asc").at(-1)).toBe("together");
    expect(order("tools", "desc")).toEqual(["novita", "together", "deepinfra", "featherless-ai"]);
  });
});
