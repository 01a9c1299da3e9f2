/**
 * The search, filter and sort of a large catalog, off the page's thread (a module worker, see
 * use-catalog-results.ts). It gets the catalog once, then list states; it answers each with the
 * models' positions in the catalog, in view order, as a transferable Int32Array.
 */
import { catalogResults, type ListState } from "@/lib/catalog/catalog-results";
import { searchIndexFor, searchModels } from "@/lib/catalog/catalog-search";
import { rankByName } from "@/lib/catalog/catalog-sort";
import type { CatalogModel } from "@/lib/catalog/catalog-types";

export type ResultsRequest = { type: "catalog"; models: CatalogModel[] } | { type: "results"; state: ListState };

/** Positions in the catalog the worker was given, in view order. */
export interface ResultsAnswer {
  order: Int32Array;
}

let models: CatalogModel[] = [];
let positions = new Map<CatalogModel, number>();

function answer(state: ListState): void {
  const results = catalogResults(models, state);
  const order = new Int32Array(results.length);
  for (let i = 0; i < results.length; i++) order[i] = positions.get(results[i] as CatalogModel) ?? -1;
  const message: ResultsAnswer = { order };
  self.postMessage(message, { transfer: [order.buffer] });
}

self.addEventListener("message", (event: MessageEvent<ResultsRequest>) => {
  const request = event.data;
  if (request.type === "results") return answer(request.state);
  models = request.models;
  positions = new Map(models.map((model, position) => [model, position]));
  rankByName(models);
  // After any request already queued: the index and one throwaway search (the JIT warms up on it,
  // ~10x faster from the first real keystroke on).
  setTimeout(() => searchModels(searchIndexFor(models), "warm up"), 0);
});
