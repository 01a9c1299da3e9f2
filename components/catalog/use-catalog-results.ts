"use client";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { modelFilter } from "@/lib/catalog/catalog-filter";
import { catalogOrder, catalogResults, LARGE_CATALOG, type ListState } from "@/lib/catalog/catalog-results";
import { searchIndexFor, searchModels } from "@/lib/catalog/catalog-search";
import { pinFavourites, rankByName, sortModels } from "@/lib/catalog/catalog-sort";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { type CatalogUrlState, DEFAULT_URL_STATE } from "@/lib/catalog/catalog-url-state";
import type { ResultsAnswer, ResultsRequest } from "./results-worker";

const NO_MODELS: CatalogModel[] = [];

interface Results {
  results: CatalogModel[];
  total: number;
  /** The query the list shows: behind the typed one until its results are in. */
  renderedQuery: string;
  /**
   * Starts on a list state at once, from the event that made it (stable). With `now` (a keystroke),
   * a large catalog is searched here and its rows rendered in that event once this thread has the
   * index (see `useResultsInWorker`). Without it the state goes when the render is committed.
   */
  ask: (state: ListState, now?: boolean) => void;
  /** The worker answers from now on: a typed query can wait for its answer to be rendered (see `onAnswer`). */
  answering: boolean;
}

const NOTHING_TO_ASK = () => {};

/**
 * The list's rows: search -> filter -> sort -> favourites first.
 * - A large catalog (above LARGE_CATALOG models) is searched, filtered and sorted in a worker, so
 *   the page's thread only paints: it keeps showing the last results until the new ones arrive.
 * - A small one here, each step memoised on its own inputs, with the query deferred (the input
 *   repaints first, the list follows).
 */
export function useCatalogResults(
  models: CatalogModel[] | undefined,
  state: CatalogUrlState,
  favourites: ReadonlySet<string>,
  /** Called inside the render of each of the worker's answers: state held for it joins that render. */
  onAnswer: () => void,
): Results {
  const all = models ?? NO_MODELS;
  const large = all.length > LARGE_CATALOG && typeof Worker === "function";
  const here = useResultsHere(large ? NO_MODELS : all, state);
  const worker = useResultsInWorker(large ? all : NO_MODELS, state, onAnswer);
  const { list, query } = large ? worker : here;
  const results = useMemo(() => pinFavourites(list, favourites), [list, favourites]);
  return {
    results,
    total: all.length,
    renderedQuery: query,
    ask: large ? worker.ask : NOTHING_TO_ASK,
    answering: large && worker.answering,
  };
}

/** The small catalog's pipeline, on this thread. */
function useResultsHere(all: CatalogModel[], state: CatalogUrlState): { list: CatalogModel[]; query: string } {
  // Ranks feed every sort, including the default one: compute them before the first render.
  useMemo(() => rankByName(all), [all]);
  useEffect(() => {
    if (all.length === 0) return;
    // The index is not needed for the first paint: built when the browser is idle, with one
    // throwaway search (the first real keystroke otherwise runs the scoring loops cold).
    const build = () => searchModels(searchIndexFor(all), "warm up");
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(build, 200);
      return () => window.clearTimeout(timer);
    }
    const id = window.requestIdleCallback(build, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }, [all]);
  const query = useDeferredValue(state.q);
  const hits = useMemo(() => (query.trim() ? searchModels(searchIndexFor(all), query) : null), [all, query]);
  const filter = useMemo(() => modelFilter(state.filters), [state.filters]);
  // The list without a search, kept while searching: clearing the box costs no filter and sort of all.
  const unsearched = useMemo(() => sortModels(all.filter(filter), state.sort), [all, filter, state.sort]);
  const searched = useMemo(
    () =>
      hits
        ? sortModels(
            hits
              .map((hit) => all[hit.index])
              .filter((model): model is CatalogModel => model !== undefined && filter(model)),
            state.sort,
            true,
          )
        : null,
    [hits, all, filter, state.sort],
  );
  return { list: searched ?? unsearched, query };
}

interface Shown {
  all: CatalogModel[];
  list: CatalogModel[];
  query: string;
}

/** Prefixes of a made-up query, then the empty one: every kind of search a keystroke runs. */
const WARM_UP = ["w", "wa", "war", "warm", "warm ", "warm u", "warm up", "warm up 1", "warm up 1.5b", "x", ""];

const sameState = (a: ListState, b: ListState): boolean => a.q === b.q && a.filters === b.filters && a.sort === b.sort;

/**
 * The large catalog's pipeline, in a worker (one per catalog). One request at a time: states that
 * come while the worker is busy collapse into the latest. Until its first answer for a catalog the
 * list is computed here once, so the rows never wait for the worker's start.
 *
 * A keystroke is the exception, once this thread has built its own index (when the browser is idle
 * after the catalog arrives): it is searched here, 1–3 ms, and its rows rendered in the keystroke's
 * own event. Chromium holds every task of the page after a key (a worker's answer too) until the
 * frame that paints the key has been drawn, so an answer from the worker always missed that frame
 * and waited for the next one; searched here, the rows are painted with the key.
 */
function useResultsInWorker(
  all: CatalogModel[],
  state: CatalogUrlState,
  onAnswer: () => void,
): { list: CatalogModel[]; query: string; ask: (state: ListState, now?: boolean) => void; answering: boolean } {
  const [shown, setShown] = useState<Shown | null>(null);
  const request = useRef<((state: ListState, now?: boolean) => void) | null>(null);
  const answered = useRef(onAnswer);
  useEffect(() => {
    answered.current = onAnswer;
  });
  const { q, filters, sort } = state;

  useEffect(() => {
    if (all.length === 0) return;
    // The only form Turbopack bundles as a worker: `new Worker(new URL(..., import.meta.url))`.
    const worker = new Worker(new URL("./results-worker.ts", import.meta.url), { type: "module" });
    const post = (message: ResultsRequest) => worker.postMessage(message);
    post({ type: "catalog", models: all });
    let inFlight: ListState | null = null;
    let next: ListState | null = null;
    /** The state asked last: the render that follows an early ask asks for it again. */
    let asked: ListState | null = null;
    /** This thread's index is built (and its search warmed up): keystrokes are searched here. */
    let here = false;
    const send = (list: ListState) => {
      inFlight = list;
      post({ type: "results", state: list });
    };
    // Rendered in the task that has the rows: a scheduled render would wait for another turn of a busy thread.
    const show = (state: ListState, order: Int32Array) => {
      const list = Array.from(order, (position) => all[position] as CatalogModel);
      flushSync(() => {
        setShown({ all, list, query: state.q });
        answered.current();
      });
    };
    worker.addEventListener("message", (event: MessageEvent<ResultsAnswer>) => {
      const state = inFlight;
      inFlight = null;
      // A newer state came meanwhile: ask for it and skip painting this one.
      if (next) {
        send(next);
        next = null;
        return;
      }
      // Not the state asked last (a keystroke answered here since): nothing to paint.
      if (!state || !asked || !sameState(state, asked)) return;
      show(state, event.data.order);
    });
    request.current = (list, now) => {
      if (asked && sameState(asked, list)) return;
      asked = list;
      if (now && here) {
        next = null;
        show(list, catalogOrder(all, list));
      } else if (inFlight) next = list;
      else send(list);
    };
    // The index, and throwaway searches typed as a user would (~150 ms at 10,000 models in all), when the
    // browser is idle: the first real keystrokes otherwise run the scoring loops cold, 10x slower.
    const build = () => {
      for (const q of WARM_UP) catalogOrder(all, { ...DEFAULT_URL_STATE, q });
      here = true;
    };
    const idle = typeof window.requestIdleCallback === "function";
    const id = idle ? window.requestIdleCallback(build, { timeout: 2000 }) : window.setTimeout(build, 200);
    return () => {
      if (idle) window.cancelIdleCallback(id);
      else window.clearTimeout(id);
      request.current = null;
      worker.terminate();
    };
  }, [all]);

  useEffect(() => request.current?.({ q, filters, sort }), [all, q, filters, sort]);
  const ask = useCallback((list: ListState, now?: boolean) => request.current?.(list, now), []);

  // Before the worker's first answer for this catalog (and whenever there is no worker).
  const current = shown?.all === all ? shown : null;
  const first = useMemo(
    () => (current || all.length === 0 ? null : catalogResults(all, { q, filters, sort })),
    [current, all, q, filters, sort],
  );
  if (current) return { list: current.list, query: current.query, ask, answering: true };
  return { list: first ?? NO_MODELS, query: q, ask, answering: false };
}
