"use client";
import dynamic from "next/dynamic";
import { use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { activeFilterCount, type CatalogFilters, providerCounts } from "@/lib/catalog/catalog-filter";
import { listView } from "@/lib/catalog/catalog-results";
import type { CatalogSort } from "@/lib/catalog/catalog-sort";
import { DEFAULT_URL_STATE } from "@/lib/catalog/catalog-url-state";
import { routedCount } from "@/lib/catalog/routed-count";
import { useFavourites } from "@/lib/client/favourites";
import { useModels } from "@/lib/client/models";
import { useSettings } from "@/lib/client/settings";
import { useStatus } from "@/lib/client/status";
import { formatCount } from "@/lib/format";
import { CatalogToolbar } from "./catalog-toolbar";
import { FirstScreenContext } from "./catalog-seed";
import { CatalogEmpty, CatalogError, SkeletonRows } from "./catalog-states";
import { FilterPanel } from "./filter-panel";
import { ModelList } from "./model-list";
import { SourceBanner } from "./source-banner";
import { useCatalogKeyboard } from "./use-catalog-keyboard";
import { useCatalogResults } from "./use-catalog-results";
import { type CatalogStateChange, useCatalogUrlState } from "./use-catalog-url-state";
import { useHydrated } from "./use-hydrated";
import { useRefreshCatalog } from "./use-refresh-catalog";

const RESULTS_ID = "catalog-results";

// The details sheet (routing, providers, config actions) is only needed once a model is open: its
// own chunk keeps the catalog's first-load script small. Server-rendered as before when the URL opens
// a model; fetched when the browser is idle otherwise, so opening one rarely waits.
const loadDetails = () => import("./details-panel");
const DetailsPanel = dynamic(() => loadDetails().then((module) => module.DetailsPanel));

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The catalog page: banner, search/sort, filters, the virtual list and the details sheet. */
export function CatalogView() {
  const { state, update: updateUrl, typeQuery, commit } = useCatalogUrlState();
  // False in the server render and while hydrating, true after: marks when the server-rendered rows respond.
  const hydrated = useHydrated();
  const models = useModels();
  // The server renders without these two; the browser may have them before this part hydrates.
  const status = useStatus().data;
  const settingsQuery = useSettings();
  const settings = hydrated ? settingsQuery.data : undefined;
  const refresh = useRefreshCatalog();
  const { favourites, toggle } = useFavourites();
  const computed = useCatalogResults(models.data?.models, state, favourites, commit);
  const { ask, answering } = computed;
  // Every change starts the list's work from its event, before the address is written and React
  // renders it: a large catalog's worker searches meanwhile. (`updateUrl` calls `change` once, at once.)
  const update = useCallback(
    (change: CatalogStateChange) =>
      updateUrl((current) => {
        const next = change(current);
        if (next !== current) ask(next);
        return next;
      }),
    [updateUrl, ask],
  );
  // A large catalog's page carries only the rows of its first screen: shown (for the view they are
  // for) until the whole list arrives.
  const seeded = use(FirstScreenContext);
  const screen = !models.data && seeded && seeded.view === listView(state) ? seeded : null;
  const catalog = models.data ?? screen?.catalog;
  const results = screen ? screen.catalog.models : computed.results;
  const total = screen ? screen.total : computed.total;
  const matches = screen ? screen.matches : results.length;
  const renderedQuery = screen ? state.q : computed.renderedQuery;
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadDetails());
  }, []);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  // The active row belongs to one result set; a new search or filter starts again at the top.
  // Before any keyboard or mouse use, it is the open model (a shared link lands on its row).
  // The query the list shows (deferred), not the typed one: the keystroke's first render leaves the list alone.
  const resultsKey = `${renderedQuery}\n${JSON.stringify(state.filters)}\n${state.sort.key}${state.sort.direction}`;
  const [active, setActiveState] = useState<{ key: string; index: number } | null>(null);
  const selectedIndex = useMemo(
    () => (active === null && state.model ? results.findIndex((model) => model.id === state.model) : -1),
    [active, results, state.model],
  );
  const activeIndex =
    active === null
      ? Math.max(0, selectedIndex)
      : active.key === resultsKey
        ? Math.min(active.index, Math.max(0, results.length - 1))
        : 0;
  // The rows' callbacks stay the same object across answers (they read the latest list from refs), so a
  // memoised row whose model did not move skips the answer's render.
  const latest = useRef({ resultsKey, results });
  useEffect(() => {
    latest.current = { resultsKey, results };
  });
  const setActive = useCallback((index: number) => setActiveState({ key: latest.current.resultsKey, index }), []);

  const providers = useMemo(
    () => (models.data ? providerCounts(models.data.models) : (screen?.providers ?? [])),
    [models.data, screen],
  );
  const counts = useMemo(
    () => (models.data ? routedCount(models.data.models) : (screen?.routed ?? { routed: 0, notRouted: 0 })),
    [models.data, screen],
  );
  const selected = useMemo(
    () =>
      state.model
        ? (models.data?.models.find((model) => model.id === state.model) ??
          (screen?.selected?.id === state.model ? screen.selected : undefined))
        : undefined,
    [models.data, screen, state.model],
  );

  const open = useCallback(
    (index: number) => {
      const model = latest.current.results[index];
      if (!model) return;
      setActive(index);
      if (document.activeElement instanceof HTMLElement && !document.activeElement.closest("[role=dialog]")) {
        returnFocus.current = document.activeElement;
      }
      update((current) => ({ ...current, model: model.id, via: current.model === model.id ? current.via : "" }));
    },
    [setActive, update],
  );
  const close = useCallback(() => {
    update((current) => ({ ...current, model: null, via: "" }));
    const target = returnFocus.current?.isConnected ? returnFocus.current : searchRef.current;
    requestAnimationFrame(() => target?.focus({ preventScroll: true }));
  }, [update]);

  useCatalogKeyboard({
    searchRef,
    listRef,
    count: results.length,
    activeIndex,
    setActive,
    open,
    close,
    detailsOpen: state.model !== null,
  });

  // Stable, so the toolbar and the filters (memoised) skip the list's render after each keystroke.
  // Once the worker answers, a keystroke renders only the box: the query is rendered with its answer,
  // searched from the keystroke's own event (here once this thread has the index, else by the worker).
  const onQuery = useCallback((q: string) => ask(typeQuery(q, answering), true), [ask, typeQuery, answering]);
  const onSort = useCallback((sort: CatalogSort) => update((current) => ({ ...current, sort })), [update]);
  const onFilters = useCallback((filters: CatalogFilters) => update((current) => ({ ...current, filters })), [update]);
  const onToggleFilters = useCallback(() => setFiltersOpen((open) => !open), []);

  const filterCount = activeFilterCount(state.filters);
  const { mutate: refreshCatalog, isPending: refreshing, error: refreshError } = refresh;
  const tokenPresent = hydrated ? status?.token.present : undefined;
  const routerHost = hydrated ? hostOf(status?.routerUrl) : null;
  // The same element while its inputs stay, so React skips the banner in each answer's render.
  const banner = useMemo(
    () =>
      catalog ? (
        <SourceBanner
          catalog={catalog}
          counts={counts}
          tokenPresent={tokenPresent}
          routerHost={routerHost}
          hydrated={hydrated}
          onRefresh={() => refreshCatalog()}
          refreshing={refreshing}
          refreshError={refreshError?.message ?? null}
        />
      ) : (
        <div aria-hidden className="h-11 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      ),
    [catalog, counts, tokenPresent, routerHost, hydrated, refreshCatalog, refreshing, refreshError],
  );
  // Clears what narrows the list; the sort and the open details stay.
  const clearAll = () =>
    update((current) => ({ ...DEFAULT_URL_STATE, sort: current.sort, model: current.model, via: current.via }));

  return (
    <div
      className="flex h-[calc(100dvh-6.5rem-1px)] min-h-[30rem] flex-col gap-3"
      data-catalog-hydrated={hydrated ? "" : undefined}
    >
      <h1 className="sr-only">Model catalog</h1>
      {banner}
      <CatalogToolbar
        searchRef={searchRef}
        query={state.q}
        onQuery={onQuery}
        sort={state.sort}
        onSort={onSort}
        resultsId={RESULTS_ID}
        filtersOpen={filtersOpen}
        onToggleFilters={onToggleFilters}
        activeFilters={filterCount}
      />
      <div className="flex min-h-0 flex-1 flex-col gap-3 lg:flex-row lg:gap-4">
        <aside
          id="catalog-filters"
          aria-label="Filters"
          className={`${filtersOpen ? "block" : "hidden"} max-h-[45vh] shrink-0 overflow-y-auto rounded-lg border border-zinc-200 p-3 lg:block lg:max-h-none lg:w-60 lg:border-0 lg:p-0 lg:pr-1 dark:border-zinc-800`}
        >
          <FilterPanel filters={state.filters} providers={providers} onChange={onFilters} />
        </aside>
        <section
          ref={listRef}
          aria-label="Catalog results"
          // The query the list shows right now (the search is deferred): lets the benchmark time keystrokes.
          data-rendered-query={renderedQuery}
          // The whole catalog is in (a large one's page carries only its first screen): the benchmark types after this.
          data-catalog-loaded={models.data ? "" : undefined}
          className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950"
        >
          <div className="flex h-9 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <p
              role="status"
              aria-live="polite"
              data-testid="catalog-count"
              className="font-medium text-zinc-800 tabular-nums dark:text-zinc-200"
            >
              {catalog ? `${formatCount(matches)} of ${formatCount(total)} models` : "Loading models…"}
            </p>
            {filterCount || state.q ? (
              <button
                type="button"
                onClick={clearAll}
                className="font-medium text-accent-700 hover:underline dark:text-accent-400"
              >
                Clear all
              </button>
            ) : null}
            <p className="ml-auto hidden md:block">
              <kbd className="font-mono">/</kbd> search · <kbd className="font-mono">↑</kbd>
              <kbd className="font-mono">↓</kbd> move · <kbd className="font-mono">Enter</kbd> details ·{" "}
              <kbd className="font-mono">Esc</kbd> close
            </p>
          </div>
          {catalog ? (
            results.length ? (
              <ModelList
                id={RESULTS_ID}
                models={results}
                activeIndex={activeIndex}
                selectedId={state.model}
                favourites={favourites}
                settings={settings}
                liveListKnown={catalog.source !== "builtin"}
                onOpen={open}
                onFocusRow={setActive}
                onToggleFavourite={toggle}
                resultsKey={resultsKey}
              />
            ) : (
              <CatalogEmpty query={state.q} onClear={clearAll} />
            )
          ) : models.isError ? (
            <CatalogError
              message={models.error.message}
              onRetry={() => void models.refetch()}
              retrying={models.isFetching}
            />
          ) : (
            <SkeletonRows count={12} />
          )}
        </section>
      </div>
      {state.model ? (
        <DetailsPanel
          modelId={state.model}
          model={selected}
          via={state.via}
          settings={settings}
          onViaChange={(via) => update((current) => ({ ...current, via }))}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
