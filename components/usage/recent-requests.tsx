"use client";
import { useId } from "react";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input-classes";
import { formatCost } from "@/lib/chat/usage-cost";
import { formatCount, formatLatency, UNKNOWN } from "@/lib/format";
import type { UsageQuery } from "@/lib/usage/usage-query";
import { LEDGER_CLIENTS, type UsageResponse, type UsageRow } from "@/lib/usage/usage-types";
import { TableScroll, tableClasses, tdClasses, thClasses } from "./chart-card";

export type RecentFilters = Pick<UsageQuery, "model" | "provider" | "client" | "status">;

const COLUMNS = [
  "Time",
  "Client",
  "Model",
  "Provider",
  "Status",
  "Tokens in",
  "Tokens out",
  "Cost",
  "First token",
  "Total",
  "Fallbacks",
] as const;
const NUMERIC = new Set<string>(["First token", "Total", "Tokens in", "Tokens out", "Cost", "Fallbacks"]);

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    // A fixed width: sized by its longest option, the row of filters would shift as requests come in.
    <div className="w-48 max-w-full">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={inputClasses(false, "truncate")}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const time = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

function tokens(value: number | null, estimated: boolean) {
  if (value === null) return UNKNOWN;
  return estimated ? (
    <span title="Estimated from the text length: the provider sent no usage">≈{formatCount(value)}</span>
  ) : (
    formatCount(value)
  );
}

function statusText(row: UsageRow): string {
  return row.errorCode ? `${row.status} ${row.errorCode}` : String(row.status);
}

/** The ref that answered, and what the client asked for when that was something else (an alias, `default`). */
function model(row: UsageRow) {
  const ref = row.ref?.replace(/^huggingface\//, "") ?? null;
  const asked = row.requested && row.requested !== row.ref && row.requested !== ref ? row.requested : null;
  return (
    <>
      <span className="block">{ref ?? UNKNOWN}</span>
      {asked ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">asked for {asked}</span> : null}
    </>
  );
}

function Row({ row }: { row: UsageRow }) {
  const cells = [
    row.client,
    model(row),
    row.provider ?? UNKNOWN,
    statusText(row),
    tokens(row.promptTokens, row.tokensEstimated),
    tokens(row.completionTokens, row.tokensEstimated),
    formatCost(row.costUsd),
    formatLatency(row.ttftMs),
    formatLatency(row.totalMs),
    formatCount(row.fallbackAttempts),
  ];
  return (
    <tr data-status={row.errorCode ? "error" : "ok"}>
      <th scope="row" className={`${tdClasses} whitespace-nowrap font-normal`}>
        <time dateTime={row.at}>{time(row.at)}</time>
      </th>
      {cells.map((cell, i) => (
        <td
          key={COLUMNS[i + 1]}
          className={`${tdClasses} ${NUMERIC.has(COLUMNS[i + 1] ?? "") ? "text-right" : ""} ${
            COLUMNS[i + 1] === "Status" && row.errorCode ? "text-red-700 dark:text-red-400" : ""
          }`}
        >
          {cell}
        </td>
      ))}
    </tr>
  );
}

/** The newest requests of the range, filtered by model, provider, client and outcome. */
export function RecentRequests({
  usage,
  filters,
  onFilters,
  nameOf,
}: {
  usage: UsageResponse;
  filters: RecentFilters;
  onFilters: (filters: RecentFilters) => void;
  nameOf: (model: string) => string;
}) {
  const models = usage.byModel.flatMap((m) => (m.model ? [{ value: m.model, label: nameOf(m.model) }] : []));
  const providers = usage.byProvider.flatMap((p) => (p.provider ? [{ value: p.provider, label: p.provider }] : []));
  // A filtered value with no requests in the new range still shows as chosen.
  if (filters.model && !models.some((m) => m.value === filters.model))
    models.push({ value: filters.model, label: nameOf(filters.model) });
  if (filters.provider && !providers.some((p) => p.value === filters.provider))
    providers.push({ value: filters.provider, label: filters.provider });

  return (
    <Card
      title="Recent requests"
      description="Newest first, at most 200. Prompts and answers are never stored; ≈ marks tokens estimated from the text length."
    >
      <div className="mb-3 flex flex-wrap gap-3">
        <FilterSelect
          label="Model"
          value={filters.model}
          options={models}
          onChange={(model) => onFilters({ ...filters, model })}
        />
        <FilterSelect
          label="Provider"
          value={filters.provider}
          options={providers}
          onChange={(provider) => onFilters({ ...filters, provider })}
        />
        <FilterSelect
          label="Client"
          value={filters.client}
          options={LEDGER_CLIENTS.map((c) => ({ value: c, label: c }))}
          onChange={(client) => onFilters({ ...filters, client: client as RecentFilters["client"] })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          options={[
            { value: "ok", label: "Succeeded" },
            { value: "error", label: "Failed" },
          ]}
          onChange={(status) => onFilters({ ...filters, status: status as RecentFilters["status"] })}
        />
      </div>
      {usage.recent.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No requests match.</p>
      ) : (
        <TableScroll label="Recent requests table">
          <table className={tableClasses}>
            <caption className="sr-only">Recent requests</caption>
            <thead>
              <tr>
                {COLUMNS.map((label) => (
                  <th key={label} scope="col" className={`${thClasses} ${NUMERIC.has(label) ? "text-right" : ""}`}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {usage.recent.map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Card>
  );
}
