"use client";
import { useDeferredValue, useMemo } from "react";
import { modelFilter } from "@/lib/catalog-filter";
import { buildSearchIndex, searchModels } from "@/lib/catalog-search";
import { pinFavourites, rankByName, sortModels } from "@/lib/catalog-sort";
import type { CatalogModel } from "@/lib/catalog-types";
import type { CatalogUrlState } from "@/lib/catalog-url-state";

const NO_MODELS: CatalogModel[] = [];

/**
 * Search -> filter -> sort -> favourites first, each step memoised on its own inputs, so a
 * keystroke re-runs the search but not the index build, and a star click only re-pins.
 * The query is deferred: the input repaints first, the list follows.
 */
export function useCatalogResults(
  models: CatalogModel[] | undefined,
  state: CatalogUrlState,
  favourites: ReadonlySet<string>,
): { results: CatalogModel[]; total: number; renderedQuery: string } {
  const all = models ?? NO_MODELS;
  const index = useMemo(() => {
    rankByName(all);
    return buildSearchIndex(all);
  }, [all]);
  const query = useDeferredValue(state.q);
  const hits = useMemo(() => searchModels(index, query), [index, query]);
  const searched = useMemo(
    () => (hits ? hits.map((hit) => all[hit.index]).filter((model): model is CatalogModel => model !== undefined) : all),
    [hits, all],
  );
  const filtered = useMemo(() => searched.filter(modelFilter(state.filters)), [searched, state.filters]);
  const ranked = hits !== null;
  const sorted = useMemo(() => sortModels(filtered, state.sort, ranked), [filtered, state.sort, ranked]);
  const results = useMemo(() => pinFavourites(sorted, favourites), [sorted, favourites]);
  return { results, total: all.length, renderedQuery: query };
}
