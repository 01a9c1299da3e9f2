"use client";
import { memo, useState } from "react";
import {
  activeFilterCount,
  type CatalogFilters,
  FLAG_FILTERS,
  FLAG_LABELS,
  type FlagFilter,
} from "@/lib/catalog/catalog-filter";
import { formatCount } from "@/lib/format";
import { PriceInput } from "./price-input";

/** Decimal thresholds so "128K" keeps both 128,000- and 131,072-token models. */
const CONTEXT_OPTIONS = [
  { label: "Any", value: null },
  { label: "8K+", value: 8_000 },
  { label: "32K+", value: 32_000 },
  { label: "64K+", value: 64_000 },
  { label: "128K+", value: 128_000 },
  { label: "200K+", value: 200_000 },
  { label: "256K+", value: 256_000 },
  { label: "1M+", value: 1_000_000 },
] as const;

const PROVIDERS_SHOWN = 8;

export interface FilterPanelProps {
  filters: CatalogFilters;
  providers: { provider: string; count: number }[];
  onChange: (filters: CatalogFilters) => void;
}

const sectionTitle = "mb-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400";
const checkRow =
  "flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/70";

export const FilterPanel = memo(function FilterPanel({ filters, providers, onChange }: FilterPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const active = activeFilterCount(filters);
  const toggleFlag = (flag: FlagFilter) =>
    onChange({
      ...filters,
      flags: filters.flags.includes(flag) ? filters.flags.filter((f) => f !== flag) : [...filters.flags, flag],
    });
  const toggleProvider = (provider: string) =>
    onChange({
      ...filters,
      providers: filters.providers.includes(provider)
        ? filters.providers.filter((p) => p !== provider)
        : [...filters.providers, provider],
    });
  // Selected providers stay visible even when the list is collapsed.
  const visible = showAll
    ? providers
    : providers.filter((entry, index) => index < PROVIDERS_SHOWN || filters.providers.includes(entry.provider));

  return (
    <div className="flex flex-col gap-5 text-sm">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Filters</h2>
        <button
          type="button"
          disabled={active === 0}
          onClick={() =>
            onChange({ providers: [], minContext: null, maxInputPrice: null, maxOutputPrice: null, flags: [] })
          }
          className="rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:underline disabled:text-zinc-400 disabled:no-underline dark:text-accent-400 dark:disabled:text-zinc-600"
        >
          Clear filters{active ? ` (${active})` : ""}
        </button>
      </div>

      <fieldset>
        <legend className={sectionTitle}>Capabilities</legend>
        {FLAG_FILTERS.map((flag) => (
          <label key={flag} className={checkRow}>
            <input
              type="checkbox"
              checked={filters.flags.includes(flag)}
              onChange={() => toggleFlag(flag)}
              className="size-4 accent-accent-500"
            />
            {FLAG_LABELS[flag]}
          </label>
        ))}
      </fieldset>

      <div>
        <label htmlFor="filter-context" className={`block ${sectionTitle}`}>
          Minimum context
        </label>
        <select
          id="filter-context"
          value={filters.minContext ?? ""}
          onChange={(event) =>
            onChange({ ...filters, minContext: event.target.value ? Number(event.target.value) : null })
          }
          className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        >
          {CONTEXT_OPTIONS.map((option) => (
            <option key={option.label} value={option.value ?? ""}>
              {option.label}
            </option>
          ))}
          {filters.minContext != null && !CONTEXT_OPTIONS.some((option) => option.value === filters.minContext) ? (
            <option value={filters.minContext}>{formatCount(filters.minContext)}+ tokens</option>
          ) : null}
        </select>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className={sectionTitle}>Maximum price (USD per 1M tokens)</legend>
        <PriceInput
          id="filter-max-input"
          label="Input"
          value={filters.maxInputPrice}
          onChange={(value) => onChange({ ...filters, maxInputPrice: value })}
        />
        <PriceInput
          id="filter-max-output"
          label="Output"
          value={filters.maxOutputPrice}
          onChange={(value) => onChange({ ...filters, maxOutputPrice: value })}
        />
      </fieldset>

      <fieldset>
        <legend className={sectionTitle}>Providers</legend>
        {visible.map(({ provider, count }) => (
          <label key={provider} className={checkRow}>
            <input
              type="checkbox"
              checked={filters.providers.includes(provider)}
              onChange={() => toggleProvider(provider)}
              className="size-4 accent-accent-500"
            />
            <span className="min-w-0 flex-1 truncate">{provider}</span>
            <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{formatCount(count)}</span>
          </label>
        ))}
        {providers.length > PROVIDERS_SHOWN ? (
          <button
            type="button"
            onClick={() => setShowAll(!showAll)}
            aria-expanded={showAll}
            className="mt-1 px-1.5 text-xs font-medium text-zinc-600 hover:underline dark:text-zinc-400"
          >
            {showAll ? "Show fewer" : `Show all ${providers.length} providers`}
          </button>
        ) : null}
        {providers.length === 0 ? <p className="px-1.5 text-xs text-zinc-500">No provider data.</p> : null}
      </fieldset>
    </div>
  );
});
