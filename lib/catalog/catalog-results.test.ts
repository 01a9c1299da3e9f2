import { describe, expect, it } from "vitest";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { catalogModel } from "@/test/factories/catalog-model";
import { catalogResults, firstScreen, listView } from "./catalog-results";
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
