"use client";
import { type CatalogSort, DEFAULT_DIRECTION, SORT_KEYS, SORT_LABELS, type SortKey } from "@/lib/catalog/catalog-sort";

const DIRECTION_WORDS: Record<SortKey, { asc: string; desc: string }> = {
  relevance: { asc: "", desc: "" },
  name: { asc: "A → Z", desc: "Z → A" },
  context: { asc: "smallest first", desc: "largest first" },
  price: { asc: "cheapest first", desc: "priciest first" },
  throughput: { asc: "slowest first", desc: "fastest first" },
  latency: { asc: "quickest first", desc: "slowest first" },
};

/** Sort key (select) and direction (toggle button); "Best match" has no direction. */
export function SortMenu({ sort, onChange }: { sort: CatalogSort; onChange: (sort: CatalogSort) => void }) {
  const words = DIRECTION_WORDS[sort.key];
  const flipped = sort.direction === "asc" ? "desc" : "asc";
  return (
    <div className="flex items-center gap-1">
      <label htmlFor="catalog-sort" className="sr-only">
        Sort by
      </label>
      <select
        id="catalog-sort"
        value={sort.key}
        onChange={(event) => {
          const key = event.target.value as SortKey;
          onChange({ key, direction: DEFAULT_DIRECTION[key] });
        }}
        className="h-9 rounded-md border border-zinc-300 bg-white pr-7 pl-2.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {key === "relevance" ? "Sort: best match" : `Sort: ${SORT_LABELS[key].toLowerCase()}`}
          </option>
        ))}
      </select>
      {sort.key !== "relevance" ? (
        <button
          type="button"
          onClick={() => onChange({ ...sort, direction: flipped })}
          aria-label={`Sort direction: ${words[sort.direction]}. Switch to ${words[flipped]}`}
          title={words[sort.direction]}
          className="flex h-9 w-9 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-900"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
            {sort.direction === "asc" ? (
              <path d="M8 13V3m0 0L4.5 6.5M8 3l3.5 3.5" strokeLinecap="round" strokeLinejoin="round" />
            ) : (
              <path d="M8 3v10m0 0-3.5-3.5M8 13l3.5-3.5" strokeLinecap="round" strokeLinejoin="round" />
            )}
          </svg>
        </button>
      ) : null}
    </div>
  );
}
