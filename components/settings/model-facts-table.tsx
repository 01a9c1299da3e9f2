import type { FactField } from "@/lib/catalog/model-facts";
import type { FactsEntryReport, FactsFieldReport, FactsReport } from "@/lib/settings/facts-types";
import { formatCount, formatPrice } from "@/lib/format";

const STATUS: Record<FactsEntryReport["status"], string> = {
  added: "Added on save",
  updated: "Updated on save",
  unchanged: "Up to date",
  removed: "Removed on save (no longer used)",
  released: "Kept as yours: you changed it by hand, so the dashboard no longer maintains it",
  yours: "Your own entry: never touched",
  duplicate: "Several entries name this model: all left alone",
};

const FIELD_LABEL: Record<FactField, string> = {
  name: "Name",
  contextWindow: "Context",
  cost: "Price",
  reasoning: "Reasoning",
  input: "Input",
};

function formatValue(field: FactsFieldReport): string {
  const value = field.value;
  switch (field.field) {
    case "contextWindow":
      return typeof value === "number" ? `${formatCount(value)} tokens` : String(value);
    case "cost": {
      const cost = value as { input?: unknown; output?: unknown } | null;
      const price = (v: unknown) => (typeof v === "number" ? formatPrice(v) : "—");
      return `${price(cost?.input)} in / ${price(cost?.output)} out per 1M`;
    }
    case "reasoning":
      return value === true ? "yes" : value === false ? "no" : String(value);
    case "input":
      return Array.isArray(value) ? value.join(", ") : String(value);
    default:
      return String(value);
  }
}

function EntryRow({ entry }: { entry: FactsEntryReport }) {
  return (
    <li
      aria-label={`Model facts: ${entry.id}`}
      className="rounded-md border border-zinc-200 px-2 py-1.5 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono text-[11px]">{entry.id}</span>
        <span className="ml-auto text-zinc-600 dark:text-zinc-400">{STATUS[entry.status]}</span>
      </div>
      {entry.fields.length > 0 ? (
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
          {entry.fields.map((field) => (
            <div key={field.field} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{FIELD_LABEL[field.field]}</dt>
              <dd>
                {formatValue(field)}
                {field.source === "hand-set" ? " " : null}
                {field.source === "hand-set" ? (
                  <span className="rounded bg-amber-100 px-1 text-[10px] font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300">
                    set by hand
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {entry.note ? <p className="mt-1 text-zinc-500 dark:text-zinc-400">Figures: {entry.note}.</p> : null}
    </li>
  );
}

/** What a save does to each entry of `models.providers.huggingface.models[]`, with the hand-set values marked. */
export function ModelFactsTable({ report }: { report: FactsReport }) {
  return (
    <div className="mt-3 flex flex-col gap-2 text-xs">
      {report.catalogSource === "builtin" ? (
        <p className="text-amber-800 dark:text-amber-300">
          The router&apos;s live list is not available: new entries get only the built-in name and context (no price),
          and figures already written stay as they are.
        </p>
      ) : null}
      <ul aria-label="Model facts entries" className="flex flex-col gap-1.5">
        {report.entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </ul>
    </div>
  );
}
