"use client";
import { memo, type RefObject } from "react";
import type { CatalogSort } from "@/lib/catalog/catalog-sort";
import { SearchBox } from "./search-box";
import { SortMenu } from "./sort-menu";

export interface CatalogToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  /** The rendered query: the box holds its own text, this only resets it (see SearchBox). */
  query: string;
  onQuery: (query: string) => void;
  sort: CatalogSort;
  onSort: (sort: CatalogSort) => void;
  resultsId: string;
  filtersOpen: boolean;
  onToggleFilters: () => void;
  activeFilters: number;
}

/** Search, sort, and (on narrow screens) the button that shows the filters. */
export const CatalogToolbar = memo(function CatalogToolbar({
  searchRef,
  query,
  onQuery,
  sort,
  onSort,
  resultsId,
  filtersOpen,
  onToggleFilters,
  activeFilters,
}: CatalogToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchBox ref={searchRef} value={query} onChange={onQuery} resultsId={resultsId} />
      <SortMenu sort={sort} onChange={onSort} />
      <button
        type="button"
        onClick={onToggleFilters}
        aria-expanded={filtersOpen}
        aria-controls="catalog-filters"
        className="flex h-9 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-50 lg:hidden dark:border-zinc-700 dark:bg-zinc-950 dark:hover:bg-zinc-900"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M2.5 4h11M4.5 8h7M6.5 12h3" strokeLinecap="round" />
        </svg>
        Filters
        {activeFilters ? (
          <span className="rounded-full bg-accent-400 px-1.5 text-xs text-zinc-950 tabular-nums">{activeFilters}</span>
        ) : null}
      </button>
    </div>
  );
});
