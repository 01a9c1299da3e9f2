"use client";
import { memo, useLayoutEffect, useRef } from "react";
import { modelTraits } from "@/lib/catalog/catalog-filter";
import { modelLabel } from "@/lib/catalog/display-name";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { ModelUsage } from "@/lib/client/catalog-actions";
import { formatContext, formatPrice, formatPriceRange } from "@/lib/format";
import { priceRange } from "@/lib/catalog/routing-policy";
import { ROW_COLUMNS, ROW_HEIGHT } from "./layout-constants";
import { sameRowProps } from "./row-window";
import { TraitBadges, UsageBadges } from "./model-badges";

export interface ModelRowProps {
  model: CatalogModel;
  index: number;
  /** The row's top in the list, px. */
  start: number;
  /** The number of rows in the list (for `aria-setsize`). */
  setSize: number;
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
  /**
   * Out of view in a render that brings a new list: the row keeps what it shows until the list's
   * next render, a task later (see ModelList), so the key's frame lays out and paints only the rows in view.
   */
  waiting: boolean;
}

export function rowButtonId(index: number): string {
  return `catalog-row-${index}`;
}

// The grey units ("in", "out", "config", "/total") are generated content: a row is rebuilt as it
// scrolls in, and every element fewer is less for React, style, layout and paint in each frame.
const UNIT = "after:text-zinc-600 dark:after:text-zinc-400";

function PriceCell({ model }: { model: CatalogModel }) {
  const range = priceRange(model);
  if (range) {
    return (
      <>
        <span className={`${UNIT} after:content-['in']`}>{formatPriceRange(range.input.min, range.input.max)} </span>
        <span className={`${UNIT} after:content-['out']`}>{formatPriceRange(range.output.min, range.output.max)} </span>
      </>
    );
  }
  if (model.configCost) {
    return (
      <span className={`${UNIT} after:content-['config']`} title="Your own price from the config file">
        {formatPrice(model.configCost.input)} / {formatPrice(model.configCost.output)}{" "}
      </span>
    );
  }
  return (
    <span className="text-zinc-600 dark:text-zinc-400" title="No provider publishes a price">
      —
    </span>
  );
}

/** The element focus was moved to in this commit (see ModelRow's layout effect); null after it. */
let followed: Element | null = null;

/**
 * One catalog row, the list item itself: star, then one button that opens the details. Memoised:
 * 10k-row lists re-render often. Absolutely placed at `start` and laid out and painted on its own
 * (`contain: strict`, fixed size), so a row that changes leaves the rest of the page alone.
 */
export const ModelRow = memo(function ModelRow({
  model,
  index,
  start,
  setSize,
  active,
  selected,
  favourite,
  usage,
  liveListKnown,
  onOpen,
  onFocusRow,
  onToggleFavourite,
}: ModelRowProps) {
  const rowRef = useRef<HTMLDivElement>(null);
  const shown = useRef(model.id);
  // A row is a slot: scrolled away by the wheel, or its model starred to the top, it shows another
  // model. Focus must not stay on it (the star or the button would now stand for that other model):
  // it follows the model to the row that shows it now, or leaves the list when none does.
  useLayoutEffect(() => {
    const previous = shown.current;
    shown.current = model.id;
    const row = rowRef.current;
    const focused = document.activeElement;
    if (previous === model.id || !row || !(focused instanceof HTMLElement) || !row.contains(focused)) return;
    // Focus that an earlier row of this same commit just moved here is already on its model.
    if (focused === followed) return;
    const part = Array.prototype.indexOf.call(row.children, focused);
    focused.blur();
    const now = row.parentElement?.querySelector(`[data-model-row="${CSS.escape(previous)}"]`);
    const target = now?.children[part];
    if (!(target instanceof HTMLElement)) return;
    followed = target;
    queueMicrotask(() => (followed = null));
    target.focus();
  }, [model.id]);
  const traits = modelTraits(model);
  const label = modelLabel(model.name, model.alias);
  // The selected or active row's left edge: a pseudo-element, so no element comes and goes with it.
  const state = selected
    ? "bg-accent-50 dark:bg-accent-500/10 before:bg-accent-500"
    : active
      ? "bg-zinc-100 dark:bg-zinc-800/70 before:bg-zinc-400"
      : "hover:bg-zinc-50 dark:hover:bg-zinc-900 before:hidden";
  return (
    <div
      ref={rowRef}
      data-model-row={model.id}
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={`absolute top-0 left-0 flex w-full items-center border-b border-zinc-100 [contain:strict] before:absolute before:inset-y-0 before:left-0 before:w-0.5 dark:border-zinc-800/70 ${state}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      {/* mx-1 centres the 28 px button in the star column (STAR_COLUMN, 36 px) without a wrapper. The
          star is the button's background (app/globals.css): no <svg> per row. */}
      <button
        type="button"
        onClick={() => onToggleFavourite(model.id)}
        aria-pressed={favourite}
        aria-label={`Favourite ${model.displayName}`}
        title={favourite ? "Unpin from the top" : "Pin to the top"}
        className="favourite-star mx-1 size-7 shrink-0 rounded hover:bg-zinc-200/70 dark:hover:bg-zinc-700/60"
      />
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
            {/* The dot between ref and organisation: generated, and silent for screen readers ("/ ''"). */}
            <span
              className="hidden shrink-0 before:mr-2 before:text-zinc-300 before:content-['·'_/_''] md:inline dark:before:text-zinc-600"
              title="Organisation"
            >
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
        {traits.total ? (
          <span
            data-total={`/${traits.total}`}
            className={`${UNIT} hidden text-right text-sm tabular-nums after:content-[attr(data-total)] md:block`}
            title="Live providers / all providers"
          >
            {traits.live}
          </span>
        ) : (
          <span
            className="hidden text-right text-sm text-zinc-600 tabular-nums md:block dark:text-zinc-400"
            title="Live providers / all providers"
          >
            —
          </span>
        )}
      </button>
    </div>
  );
}, sameRowProps);
