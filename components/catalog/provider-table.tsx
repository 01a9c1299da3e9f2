"use client";
import { useState } from "react";
import { type ProviderColumn, type SortDirection, sortProviders } from "@/lib/catalog/catalog-sort";
import type { CatalogProvider } from "@/lib/catalog/catalog-types";
import { isFree } from "@/lib/catalog/catalog-filter";
import { formatContext, formatLatency, formatPrice, formatThroughput } from "@/lib/format";
import type { MeasuredBackend } from "@/lib/probe/probe-types";

interface Column {
  key: ProviderColumn;
  label: string;
  title: string;
  /** The direction a first click sorts in: cheapest, fastest, biggest first. */
  first: SortDirection;
  numeric: boolean;
}

const COLUMNS: Column[] = [
  { key: "provider", label: "Provider", title: "Provider", first: "asc", numeric: false },
  { key: "status", label: "Status", title: "Status reported by the router", first: "asc", numeric: false },
  { key: "context", label: "Context", title: "Context window", first: "desc", numeric: true },
  { key: "input", label: "In", title: "Input price, USD per 1M tokens", first: "asc", numeric: true },
  { key: "output", label: "Out", title: "Output price, USD per 1M tokens", first: "asc", numeric: true },
  { key: "tools", label: "Tools", title: "Supports tool calling", first: "desc", numeric: false },
  { key: "structured", label: "JSON", title: "Supports structured output", first: "desc", numeric: false },
  { key: "latency", label: "TTFT", title: "First-token latency", first: "asc", numeric: true },
  { key: "throughput", label: "Speed", title: "Throughput, tokens per second", first: "desc", numeric: true },
  { key: "author", label: "Author", title: "The provider is the model's author", first: "desc", numeric: false },
  { key: "free", label: "Free", title: "Served for free", first: "desc", numeric: false },
];

function Flag({ value }: { value: boolean | undefined }) {
  if (value === undefined) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return value ? (
    <span className="text-emerald-700 dark:text-emerald-400">
      <span aria-hidden>✓</span>
      <span className="sr-only">yes</span>
    </span>
  ) : (
    <span className="text-zinc-500 dark:text-zinc-400">
      <span aria-hidden>✕</span>
      <span className="sr-only">no</span>
    </span>
  );
}

function freeValue(provider: CatalogProvider): boolean | undefined {
  return provider.isFree === undefined && !provider.pricing ? undefined : isFree(provider);
}

/** Under the router's figure: what the user measured (latest answer, then the median of the last runs). */
function Measured({
  latest,
  median,
  runs,
  format,
}: {
  latest: number | null;
  median: number | null;
  runs: number;
  format: (value: number | null) => string;
}) {
  return (
    <span className="block text-[11px] text-sky-800 dark:text-sky-300">
      you {format(latest)}
      {runs > 1 ? ` · med ${format(median)}` : ""}
    </span>
  );
}

function cell(provider: CatalogProvider, key: ProviderColumn, measured: MeasuredBackend | undefined) {
  switch (key) {
    case "provider":
      return <span className="font-medium">{provider.provider}</span>;
    case "status":
      return provider.status === "live" ? (
        <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
          <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
          live
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 text-red-700 dark:text-red-400">
          <span aria-hidden className="size-1.5 rounded-full bg-red-500" />
          error
        </span>
      );
    case "context":
      return formatContext(provider.contextLength);
    case "input":
      return formatPrice(provider.pricing?.input);
    case "output":
      return formatPrice(provider.pricing?.output);
    case "tools":
      return <Flag value={provider.supportsTools} />;
    case "structured":
      return <Flag value={provider.supportsStructuredOutput} />;
    case "latency":
      return (
        <>
          {formatLatency(provider.firstTokenLatencyMs)}
          {measured ? (
            <Measured
              latest={measured.latestTtftMs}
              median={measured.medianTtftMs}
              runs={measured.runs}
              format={formatLatency}
            />
          ) : null}
        </>
      );
    case "throughput":
      return (
        <>
          {formatThroughput(provider.throughput)}
          {measured ? (
            <Measured
              latest={measured.latestTokensPerSecond}
              median={measured.medianTokensPerSecond}
              runs={measured.runs}
              format={formatThroughput}
            />
          ) : null}
        </>
      );
    case "author":
      return <Flag value={provider.isModelAuthor} />;
    case "free":
      return <Flag value={freeValue(provider)} />;
  }
}

/**
 * Every backend of the model with what the router says about it; unknown is "—". Under the
 * router's TTFT and speed, what the user measured on that backend (probes and chats), when known.
 */
export function ProviderTable({
  providers,
  measured = [],
}: {
  providers: CatalogProvider[];
  measured?: readonly MeasuredBackend[];
}) {
  const [sort, setSort] = useState<{ key: ProviderColumn; direction: SortDirection }>({
    key: "output",
    direction: "asc",
  });
  if (providers.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The router lists no provider for this model right now.</p>
    );
  }
  const rows = sortProviders(providers, sort.key, sort.direction);
  const measuredOf = new Map(measured.map((m) => [m.provider, m]));
  return (
    <div className="flex flex-col gap-2">
      {measured.length > 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Under the router’s TTFT and speed, <span className="text-sky-800 dark:text-sky-300">measured by you</span>:
          your latest answer, then the median of your last runs (probes and chats).
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-xs tabular-nums">
          <caption className="sr-only">Providers of this model, sortable by column</caption>
          <thead className="bg-zinc-50 dark:bg-zinc-900/60">
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={`px-2 py-1.5 font-semibold whitespace-nowrap ${column.numeric ? "text-right" : "text-left"}`}
                  >
                    <button
                      type="button"
                      title={column.title}
                      onClick={() =>
                        setSort(
                          active
                            ? { key: column.key, direction: sort.direction === "asc" ? "desc" : "asc" }
                            : { key: column.key, direction: column.first },
                        )
                      }
                      className={`inline-flex items-center gap-0.5 rounded hover:text-zinc-900 dark:hover:text-white ${active ? "text-zinc-900 dark:text-white" : "text-zinc-500 dark:text-zinc-400"}`}
                    >
                      {column.label}
                      <span aria-hidden className="w-2 text-[9px]">
                        {active ? (sort.direction === "asc" ? "▲" : "▼") : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((provider) => (
              <tr key={provider.provider} className={`border-t border-zinc-100 dark:border-zinc-800`}>
                {COLUMNS.map((column) =>
                  column.key === "provider" ? (
                    <th key={column.key} scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                      {cell(provider, column.key, measuredOf.get(provider.provider))}
                    </th>
                  ) : (
                    <td
                      key={column.key}
                      className={`px-2 py-1.5 whitespace-nowrap ${column.numeric ? "text-right" : "text-left"}`}
                    >
                      {cell(provider, column.key, measuredOf.get(provider.provider))}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
