"use client";
import { observeElementRect, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { type ModelUsage, usageOf } from "@/lib/client/catalog-actions";
import { baseRef, tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { ROW_COLUMNS, ROW_HEIGHT, STAR_COLUMN } from "./layout-constants";
import { ModelRow } from "./model-row";
import { fixedRowWindow, rowUpdate, slotOrder } from "./row-window";

export interface ModelListProps {
  id: string;
  models: CatalogModel[];
  activeIndex: number;
  selectedId: string | null;
  favourites: ReadonlySet<string>;
  settings: Pick<SettingsInput, "primary" | "fallbacks"> | undefined;
  /** False when only the built-in list is shown (see TraitBadges). */
  liveListKnown: boolean;
  onOpen: (index: number) => void;
  onFocusRow: (index: number) => void;
  onToggleFavourite: (id: string) => void;
  /** Bumped when the result set changes, to scroll back to the top. */
  resultsKey: string;
}

const NO_USAGE: ModelUsage = { primary: null, fallbacks: [] };

function ListHeader() {
  const cell = "text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400";
  return (
    <div
      aria-hidden
      className="flex h-8 shrink-0 items-center overflow-y-hidden border-b border-zinc-200 bg-zinc-50/80 [scrollbar-gutter:stable] dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <span className={STAR_COLUMN} />
      <span className={`${ROW_COLUMNS} flex-1 gap-x-4 pr-4`}>
        <span className={cell}>Model</span>
        <span className={`${cell} text-right`}>Context</span>
        <span className={`${cell} hidden text-right sm:block`}>Price / 1M</span>
        <span className={`${cell} hidden text-right md:block`}>Live</span>
      </span>
    </div>
  );
}

/** Whether focus is inside the element with this id (read while rendering, only once scrolled). */
function focusWithin(id: string): boolean {
  return document.getElementById(id)?.contains(document.activeElement) ?? false;
}

const INITIAL_RECT = { width: 1280, height: 1200 };

/**
 * The virtualised model list: only the rows in view (plus a few) exist in the DOM. Memoised: a
 * keystroke first re-renders the page for the input alone, with the list's props unchanged.
 */
export const ModelList = memo(function ModelList(props: ModelListProps) {
  const {
    id,
    models,
    activeIndex,
    selectedId,
    favourites,
    settings,
    liveListKnown,
    onOpen,
    onFocusRow,
    onToggleFavourite,
    resultsKey,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The scroller's height as the virtualizer last measured it (a ResizeObserver, never a layout read).
  const viewportHeight = useRef(INITIAL_RECT.height);
  const observeRect = useCallback<typeof observeElementRect<HTMLDivElement>>(
    (instance, onRect) =>
      observeElementRect(instance, (rect) => {
        viewportHeight.current = rect.height;
        onRect(rect);
      }),
    [],
  );
  const rowWindow = useCallback((range: Range) => fixedRowWindow(range, viewportHeight.current, ROW_HEIGHT), []);
  // Read fresh on every render and never memoised here, which is what the compiler rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: models.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the window, ready for scrolling (a new list renders them a task after the rows in view).
    overscan: 4,
    // Always as many rows, so each row keeps its slot (its key below) until it scrolls out.
    rangeExtractor: rowWindow,
    observeElementRect: observeRect,
    // The server and the first client render have no scroller to measure: render a screenful of
    // rows for a tall window, so the rows are in the HTML (and hydration matches it).
    initialRect: INITIAL_RECT,
  });

  // Only when scrolled. The position is the virtualizer's (kept from scroll events): reading the
  // scroller's own `scrollTop` right after a commit would force a layout of the page on every keystroke.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) !== 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [resultsKey, virtualizer]);

  // Keeps the active row in view. Skipped for row 0 at the top, the common case on load, where
  // scrollToIndex would only force a layout of the whole page for nothing.
  useEffect(() => {
    if (activeIndex === 0 && (virtualizer.scrollOffset ?? 0) === 0) return;
    if (activeIndex >= 0 && activeIndex < models.length) virtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeIndex, models.length, virtualizer]);

  // One usage object per configured model, so memoised rows keep a stable prop.
  const usage = useMemo(() => {
    const map = new Map<string, ModelUsage>();
    if (!settings) return map;
    for (const ref of [settings.primary, ...settings.fallbacks]) {
      const canonical = ref ? tryNormaliseRef(ref) : null;
      if (canonical) map.set(baseRef(canonical), usageOf(canonical, settings));
    }
    return map;
  }, [settings]);

  // A new list (a keystroke's answer, a filter) renders the rows in view at once and the rest a task
  // later (`rowUpdate`): after a key, Chromium runs that task once the key's frame is drawn, so the
  // key's frame renders, lays out and paints only the rows the user sees. The list every row has rendered:
  const [settled, setSettled] = useState(models);
  const fresh = settled !== models;
  useEffect(() => {
    if (!fresh) return;
    const timer = window.setTimeout(() => setSettled(models), 0);
    return () => window.clearTimeout(timer);
  }, [fresh, models]);
  const view = { offset: virtualizer.scrollOffset ?? 0, height: viewportHeight.current };

  const items = virtualizer.getVirtualItems();
  // While scrolling, rows stay in slot order (see slotOrder); at rest, in the order they are shown.
  // Not while focus is in the list: moving the focused row blurs it, and React's focusing it again
  // would send a focus event (the active row) for the row it was.
  const rows = virtualizer.isScrolling && !focusWithin(id) ? slotOrder(items) : items;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ListHeader />
      <div
        ref={scrollRef}
        data-catalog-scroller
        // Its own compositor layer: scrolling moves the painted rows instead of repainting the list.
        // Contained (its size comes from the page, never from the rows): a layout boundary, so rows
        // changing as it scrolls are laid out without walking the page's flex layout above it.
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain [contain:strict] [scrollbar-gutter:stable] will-change-scroll"
      >
        <div
          id={id}
          role="list"
          aria-label="Models"
          className="relative w-full"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((item) => {
            const model = models[item.index];
            if (!model) return null;
            const update = rowUpdate(item, view, fresh, settled.length);
            if (update === "absent") return null;
            // Keyed by slot, not by model: a keystroke puts other models into the same rows, and a
            // row scrolled out at one end comes back in at the other (index modulo the window's
            // fixed length), so React updates text instead of building and dropping rows of DOM.
            return (
              <ModelRow
                key={item.index % items.length}
                model={model}
                index={item.index}
                start={item.start}
                setSize={models.length}
                active={item.index === activeIndex}
                selected={model.id === selectedId}
                favourite={favourites.has(model.id)}
                usage={usage.get(model.ref) ?? NO_USAGE}
                liveListKnown={liveListKnown}
                onOpen={onOpen}
                onFocusRow={onFocusRow}
                onToggleFavourite={onToggleFavourite}
                waiting={update === "wait"}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
