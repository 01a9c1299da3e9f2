"use client";
import { useDeferredValue, useEffect, useMemo } from "react";
import { modelFilter } from "@/lib/catalog/catalog-filter";
import { searchIndexFor, searchModels } from "@/lib/catalog/catalog-search";
import { pinFavourites, rankByName, sortModels } from "@/lib/catalog/catalog-sort";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { CatalogUrlState } from "@/lib/catalog/catalog-url-state";

const NO_MODELS: CatalogModel[] = [];

/**
 * Search -> filter -> sort -> favourites first, each step memoised on its own inputs, so a
 * keystroke re-runs the search but not the index build, and a star click only re-pins.
 * The query is deferred: the input repaints first, the list follows. The search index is not
 * needed for the first paint, so it is built (and warmed) when the browser is idle (or on the first search).
 */
export function useCatalogResults(
  models: CatalogModel[] | undefined,
  state: CatalogUrlState,
  favourites: ReadonlySet<string>,
): { results: CatalogModel[]; total: number; renderedQuery: string } {
  const all = models ?? NO_MODELS;
  // Ranks feed every sort, including the default one: compute them before the first render.
  useMemo(() => rankByName(all), [all]);
  useEffect(() => {
    if (all.length === 0) return;
    // One throwaway search too: the first real keystroke otherwise runs the scoring loops cold
    // (unoptimised by the JIT), measured at ~10x a warm search at 10,000 models.
    const build = () => searchModels(searchIndexFor(all), "warm up");
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(build, 200);
      return () => window.clearTimeout(timer);
    }
    const id = window.requestIdleCallback(build, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }, [all]);
  const query = useDeferredValue(state.q);
  const hits = useMemo(() => (query.trim() ? searchModels(searchIndexFor(all), query) : null), [all, query]);
  const filter = useMemo(() => modelFilter(state.filters), [state.filters]);
  // The list without a search, kept while searching: clearing the box costs no filter and sort of all.
  const unsearched = useMemo(() => sortModels(all.filter(filter), state.sort), [all, filter, state.sort]);
  const searched = useMemo(
    () =>
      hits
        ? sortModels(
            hits
              .map((hit) => all[hit.index])
              .filter((model): model is CatalogModel => model !== undefined && filter(model)),
            state.sort,
            true,
          )
        : null,
    [hits, all, filter, state.sort],
  );
  const sorted = searched ?? unsearched;
  const results = useMemo(() => pinFavourites(sorted, favourites), [sorted, favourites]);
  return { results, total: all.length, renderedQuery: query };
}
