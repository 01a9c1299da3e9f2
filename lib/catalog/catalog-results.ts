/**
 * The catalog view's whole pipeline in one call: search, filter, sort (favourites are the
 * browser's, pinned there). The server runs it to render the first screen of a large catalog
 * without sending the whole list in the page, and the browser's search worker for every change of
 * a large catalog's view (components/catalog/results-worker.ts); for a small catalog the browser
 * runs the same steps one by one, memoised (components/catalog/use-catalog-results.ts).
 */
import { modelFilter, providerCounts } from "@/lib/catalog/catalog-filter";
import { searchIndexFor, searchModels } from "@/lib/catalog/catalog-search";
import { rankByName, sortModels } from "@/lib/catalog/catalog-sort";
import type { CatalogModel, CatalogResponse } from "@/lib/catalog/catalog-types";
import { type RoutedCount, routedCount } from "@/lib/catalog/routed-count";
import { catalogSearchString, type CatalogUrlState } from "@/lib/catalog/catalog-url-state";

/** Above this many models the page carries only a first screen, and the browser searches in a worker. */
export const LARGE_CATALOG = 1000;

/** What decides the list's rows and their order. */
export type ListState = Pick<CatalogUrlState, "q" | "filters" | "sort">;

export function catalogResults(all: readonly CatalogModel[], state: ListState): CatalogModel[] {
  rankByName(all);
  const hits = state.q.trim() ? searchModels(searchIndexFor(all), state.q) : null;
  const searched = hits
    ? hits.map((hit) => all[hit.index]).filter((model): model is CatalogModel => model !== undefined)
    : all;
  return sortModels(searched.filter(modelFilter(state.filters)), state.sort, hits !== null);
}

const positionsOf = new WeakMap<readonly CatalogModel[], Map<CatalogModel, number>>();
/** Per catalog, the last view without a search: clearing the box costs no filter and sort of all. */
const unsearchedOf = new WeakMap<readonly CatalogModel[], { key: string; order: Int32Array }>();

function positionsIn(all: readonly CatalogModel[], models: readonly CatalogModel[]): Int32Array {
  let positions = positionsOf.get(all);
  if (!positions) positionsOf.set(all, (positions = new Map(all.map((model, position) => [model, position]))));
  const order = new Int32Array(models.length);
  for (let i = 0; i < models.length; i++) order[i] = positions.get(models[i] as CatalogModel) ?? -1;
  return order;
}

/**
 * `catalogResults` as positions in `all` (a new array each call, the caller may transfer it): what
 * the browser's search worker answers. Search hits are positions already, so the default order
 * needs no lookups, and the list without a search is kept for the next time the box is cleared.
 */
export function catalogOrder(all: readonly CatalogModel[], state: ListState): Int32Array {
  rankByName(all);
  const hits = state.q.trim() ? searchModels(searchIndexFor(all), state.q) : null;
  if (!hits) {
    const key = JSON.stringify([state.filters, state.sort]);
    let unsearched = unsearchedOf.get(all);
    if (unsearched?.key !== key) {
      unsearched = { key, order: positionsIn(all, catalogResults(all, state)) };
      unsearchedOf.set(all, unsearched);
    }
    return unsearched.order.slice();
  }
  const filter = modelFilter(state.filters);
  if (state.sort.key !== "relevance") {
    const models = hits.map((hit) => all[hit.index] as CatalogModel).filter(filter);
    return positionsIn(all, sortModels(models, state.sort, true));
  }
  const order = new Int32Array(hits.length);
  let length = 0;
  for (const hit of hits) if (filter(all[hit.index] as CatalogModel)) order[length++] = hit.index;
  return order.slice(0, length);
}

/** The first rows of a view of a large catalog: what the server renders instead of sending the whole list. */
export interface FirstScreen {
  /** The catalog's answer with only these rows in `models`, in view order. */
  catalog: CatalogResponse;
  /** The list view these rows are for (see `listView`). */
  view: string;
  /** How many models the view matches, and how many the catalog holds. */
  matches: number;
  total: number;
  /** The whole catalog's routed and not-routed models, for the source banner. */
  routed: RoutedCount;
  /** Provider counts of the whole catalog, for the filter panel. */
  providers: { provider: string; count: number }[];
  /** The model whose details are open, when one is. */
  selected: CatalogModel | null;
}

/** What decides the list's rows: the URL state without the open details. */
export function listView(state: CatalogUrlState): string {
  return catalogSearchString({ ...state, model: null, via: "" });
}

const providerCountsOf = new WeakMap<readonly CatalogModel[], { provider: string; count: number }[]>();

export function firstScreen(catalog: CatalogResponse, state: CatalogUrlState, rows: number): FirstScreen {
  const results = catalogResults(catalog.models, state);
  let providers = providerCountsOf.get(catalog.models);
  if (!providers) providerCountsOf.set(catalog.models, (providers = providerCounts(catalog.models)));
  return {
    catalog: { ...catalog, models: results.slice(0, rows) },
    view: listView(state),
    matches: results.length,
    total: catalog.models.length,
    routed: routedCount(catalog.models),
    providers,
    selected: state.model ? (catalog.models.find((model) => model.id === state.model) ?? null) : null,
  };
}
