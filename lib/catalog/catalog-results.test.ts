import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { catalogModel, liveProviders } from "@/test/factories/catalog-model";
import { catalogOrder, catalogResults, firstScreen, listView } from "./catalog-results";
import { DEFAULT_URL_STATE, parseCatalogUrl } from "./catalog-url-state";

const CATALOG: CatalogResponse = {
  source: "live",
  fetchedAt: "2026-12-02T05:00:00.000Z",
  models: [
    catalogModel("meta-llama/Llama-3.3-70B-Instruct", { contextWindow: 131072 }),
    catalogModel("deepseek-ai/DeepSeek-R1", { contextWindow: 163840, reasoning: true }),
    catalogModel("deepseek-ai/DeepSeek-V3", { contextWindow: 65536 }),
    catalogModel("Qwen/Qwen3-32B", { providers: [{ provider: "groq", status: "live" }] }),
  ],
};
const state = (search: string) => parseCatalogUrl(new URLSearchParams(search));

describe("catalogResults", () => {
  it("searches, filters and sorts as the view does", () => {
    expect(catalogResults(CATALOG.models, state("?q=deepseek")).map((m) => m.id)).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-V3",
    ]);
    expect(catalogResults(CATALOG.models, state("?f=reasoning")).map((m) => m.id)).toEqual(["deepseek-ai/DeepSeek-R1"]);
    expect(catalogResults(CATALOG.models, state("?sort=context")).map((m) => m.id)[0]).toBe("deepseek-ai/DeepSeek-R1");
  });
});

describe("catalogOrder", () => {
  const orgs = ["deepseek-ai", "meta-llama", "Qwen", "google"];
  const families = ["DeepSeek-R1", "Llama-3.3", "Qwen3", "gemma-3", "Llama-3.1"];
  const models = Array.from({ length: 60 }, (_, i) =>
    catalogModel(`${orgs[i % 4]}/${families[i % 5]}-${(i % 7) * 10 + 1}B-v${i}`, {
      available: i % 3 !== 0,
      reasoning: i % 4 === 0,
      contextWindow: i % 6 === 0 ? undefined : 8192 * (i % 9),
      providers: liveProviders(i % 2 ? "groq" : "together"),
    }),
  );
  const views = [
    "?q=deepsek",
    "?q=llama+3",
    "?q=qwen&sort=context",
    "?q=l&f=reasoning",
    "?sort=name&dir=desc",
    "?q=gemma&sort=latency&provider=groq",
    "?f=reasoning&sort=context",
    "",
  ];

  it("gives the positions of catalogResults, view after view (cached or not)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...views), { minLength: 1, maxLength: 8 }), (sequence) => {
        for (const view of sequence) {
          const order = Array.from(catalogOrder(models, state(view)), (position) => models[position]);
          expect(order).toEqual(catalogResults(models, state(view)));
        }
      }),
      { numRuns: 50 },
    );
  });

  it("hands out a new array each time (the worker transfers it)", () => {
    const first = catalogOrder(models, state(""));
    expect(catalogOrder(models, state(""))).not.toBe(first);
    expect(catalogOrder(models, state(""))).toEqual(first);
  });
});

describe("firstScreen", () => {
  it("keeps the first rows of the view, with the counts of the whole catalog", () => {
    const screen = firstScreen(CATALOG, state("?sort=context&model=Qwen/Qwen3-32B"), 2);
    expect(screen.catalog.models.map((m) => m.id)).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "meta-llama/Llama-3.3-70B-Instruct",
    ]);
    expect(screen.catalog.source).toBe("live");
    expect(screen).toMatchObject({ matches: 4, total: 4, view: "?sort=context" });
    expect(screen.routed).toEqual({ routed: 1, notRouted: 3 });
    expect(screen.selected?.id).toBe("Qwen/Qwen3-32B");
    expect(screen.providers.map((p) => p.provider)).toContain("groq");
  });

  it("names the list's view without the open details", () => {
    expect(listView({ ...DEFAULT_URL_STATE, model: "org/m", via: "fastest" })).toBe("");
    expect(listView(state("?q=llama&model=org/m"))).toBe("?q=llama");
  });
});
