/**
 * The search, filter and sort of a large catalog, off the page's thread (a module worker, see
 * use-catalog-results.ts). It gets the catalog once, then list states; it answers each with the
 * models' positions in the catalog, in view order, as a transferable Int32Array.
 */
import { catalogOrder, type ListState } from "@/lib/catalog/catalog-results";
import { DEFAULT_URL_STATE } from "@/lib/catalog/catalog-url-state";
import type { CatalogModel } from "@/lib/catalog/catalog-types";

export type ResultsRequest = { type: "catalog"; models: CatalogModel[] } | { type: "results"; state: ListState };

/** Positions in the catalog the worker was given, in view order. */
export interface ResultsAnswer {
  order: Int32Array;
}

let models: CatalogModel[] = [];

self.addEventListener("message", (event: MessageEvent<ResultsRequest>) => {
  const request = event.data;
  if (request.type === "results") {
    const order = catalogOrder(models, request.state);
    const message: ResultsAnswer = { order };
    self.postMessage(message, { transfer: [order.buffer] });
    return;
  }
  models = request.models;
  // After any request already queued: the index, and one throwaway search of each kind (the JIT
  // warms up on them, ~10x faster from the first real keystroke on).
  setTimeout(() => {
    for (const q of ["warm up", "w"]) catalogOrder(models, { ...DEFAULT_URL_STATE, q });
  }, 0);
});
