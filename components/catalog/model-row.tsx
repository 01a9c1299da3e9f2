"use client";
import { memo } from "react";
import { modelTraits } from "@/lib/catalog/catalog-filter";
import { modelLabel } from "@/lib/catalog/display-name";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { ModelUsage } from "@/lib/client/catalog-actions";
import { formatContext, formatPrice, formatPriceRange } from "@/lib/format";
import { priceRange } from "@/lib/catalog/routing-policy";
import { ROW_COLUMNS, STAR_COLUMN } from "./layout-constants";
import { TraitBadges, UsageBadges } from "./model-badges";

export interface ModelRowProps {
  model: CatalogModel;
  index: number;
  active: boolean;
  selected: boolean;
  favourite: boolean;
  usage: ModelUsage;
  /** See TraitBadges. */
  liveListKnown: boolean;
  onOpen: (index: number) => void;
  /** Tabbing onto a row makes it the active one, so the arrows continue from there. */
  onFocusRow: (index: number) => void;
  onToggleFavourite: (id: string) => void;
}

export function rowButtonId(index: number): string {
  return `catalog-row-${index}`;
}

function PriceCell({ model }: { model: CatalogModel }) {
  const range = priceRange(model);
  if (range) {
    return (
      <>
        <span>
          {formatPriceRange(range.input.min, range.input.max)}{" "}
          <span className="text-zinc-600 dark:text-zinc-400">in</span>
        </span>
        <span>
          {formatPriceRange(range.output.min, range.output.max)}{" "}
          <span className="text-zinc-600 dark:text-zinc-400">out</span>
        </span>
      </>
    );
  }
  if (model.configCost) {
    return (
      <span title="Your own price from the config file">
        {formatPrice(model.configCost.input)} / {formatPrice(model.configCost.output)}{" "}
        <span className="text-zinc-600 dark:text-zinc-400">config</span>
      </span>
    );
  }
  return (
    <span className="text-zinc-600 dark:text-zinc-400" title="No provider publishes a price">
      —
    </span>
  );
}

/** One catalog row: star, then one button that opens the details. Memoised: 10k-row lists re-render often. */
export const ModelRow = memo(function ModelRow({
  model,
  index,
  active,
  selected,
  favourite,
  usage,
  liveListKnown,
  onOpen,
  onFocusRow,
  onToggleFavourite,
}: ModelRowProps) {
  const traits = modelTraits(model);
  const label = modelLabel(model.name, model.alias);
  const background = selected
    ? "bg-accent-50 dark:bg-accent-500/10"
    : active
      ? "bg-zinc-100 dark:bg-zinc-800/70"
      : "hover:bg-zinc-50 dark:hover:bg-zinc-900";
  return (
    <div className={`relative flex h-full items-center border-b border-zinc-100 dark:border-zinc-800/70 ${background}`}>
      {selected || active ? (
        <span aria-hidden className={`absolute inset-y-0 left-0 w-0.5 ${selected ? "bg-accent-500" : "bg-zinc-400"}`} />
      ) : null}
      <span className={`${STAR_COLUMN} flex justify-center`}>
        <button
          type="button"
          onClick={() => onToggleFavourite(model.id)}
          aria-pressed={favourite}
          aria-label={`Favourite ${model.displayName}`}
          title={favourite ? "Unpin from the top" : "Pin to the top"}
          className={`flex size-7 items-center justify-center rounded hover:bg-zinc-200/70 dark:hover:bg-zinc-700/60 ${
            favourite ? "text-accent-500" : "text-zinc-400 dark:text-zinc-500"
          }`}
        >
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            className="size-4"
            fill={favourite ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="1.3"
          >
            <path d="m8 1.8 1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6Z" strokeLinejoin="round" />
          </svg>
        </button>
      </span>
      <button
        type="button"
        id={rowButtonId(index)}
        onClick={() => onOpen(index)}
        onFocus={() => onFocusRow(index)}
        aria-current={selected ? "true" : undefined}
        className={`${ROW_COLUMNS} h-full min-w-0 flex-1 items-center gap-x-4 pr-4 text-left focus-visible:-outline-offset-2`}
      >
        <span className="flex min-w-0 flex-col gap-1">
          <span className="flex min-w-0 items-center gap-1.5">
            <span data-testid="model-name" className="truncate font-medium">
              {label.label}
            </span>
            {label.realName ? (
              <span className="hidden shrink truncate text-sm text-zinc-500 lg:inline dark:text-zinc-400">
                {label.realName}
              </span>
            ) : null}
            <span className="hidden shrink-0 items-center gap-1 sm:flex">
              <UsageBadges usage={usage} />
              <TraitBadges model={model} traits={traits} liveListKnown={liveListKnown} />
            </span>
          </span>
          <span className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <span className="truncate font-mono">{model.ref}</span>
            <span aria-hidden className="hidden text-zinc-300 md:inline dark:text-zinc-600">
              ·
            </span>
            <span className="hidden shrink-0 md:inline" title="Organisation">
              {model.ownedBy}
            </span>
          </span>
        </span>
        <span
          data-testid="model-context"
          className="text-right text-sm tabular-nums"
          title="Context window (smallest live provider)"
        >
          {formatContext(model.contextWindow)}
        </span>
        <span className="hidden flex-col items-end text-xs leading-5 tabular-nums sm:flex">
          <PriceCell model={model} />
        </span>
        <span className="hidden text-right text-sm tabular-nums md:block" title="Live providers / all providers">
          {traits.total ? (
            <>
              {traits.live}
              <span className="text-zinc-600 dark:text-zinc-400">/{traits.total}</span>
            </>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">—</span>
          )}
        </span>
      </button>
    </div>
  );
});
