"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { catalogSearchString, type CatalogUrlState, parseCatalogUrl } from "@/lib/catalog/catalog-url-state";

export type CatalogStateChange = (state: CatalogUrlState) => CatalogUrlState;

/** Typing tells Next's router once the user pauses: each of those writes costs ~15 ms in Next's history patch. */
const TYPING_DELAY_MS = 300;
/** Where a keystroke the address does not show yet waits (this tab only), for a reload in that moment. */
const TYPED_KEY = "hf-picker:catalog-typed";

/**
 * The browser's own replaceState, not Next's patched one: it only changes the address. Still 5–20 ms
 * of the page's thread in Chromium (the navigation entry, the favicon check), so typing leaves the
 * address until it pauses, as it does Next's router.
 */
function writeAddress(url: string): void {
  History.prototype.replaceState.call(window.history, window.history.state, "", url);
}

/** sessionStorage can be missing or full (privacy modes): the address alone then keeps the search. */
function rememberTyped(path: string, search: string): void {
  try {
    window.sessionStorage.setItem(TYPED_KEY, JSON.stringify({ path, search }));
  } catch {
    // Not kept: a reload within TYPING_DELAY_MS of a keystroke then loses it, nothing else.
  }
}

function forgetTyped(): void {
  try {
    window.sessionStorage.removeItem(TYPED_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The search string typed on this page but not yet in its address when the user reloaded it, if any. */
function typedBeforeReload(path: string): string | null {
  try {
    const raw = window.sessionStorage.getItem(TYPED_KEY);
    window.sessionStorage.removeItem(TYPED_KEY);
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (!raw || navigation?.type !== "reload") return null;
    const saved = JSON.parse(raw) as { path?: unknown; search?: unknown };
    return saved.path === path && typeof saved.search === "string" ? saved.search : null;
  } catch {
    return null;
  }
}

export interface CatalogUrlStateHandle {
  state: CatalogUrlState;
  /** Any change: rendered now; the address follows at once, or (a change of the query alone) on a pause. */
  update: (change: CatalogStateChange) => void;
  /**
   * The search box's text. With `hold`, the state is not rendered now: the list's answer renders it
   * (`commit`), so a keystroke renders nothing but the box. Returns the new state.
   */
  typeQuery: (q: string, hold: boolean) => CatalogUrlState;
  /** Renders a held query (called inside the render of the list's answer). */
  commit: () => void;
}

/**
 * The catalog view state, mirrored into the URL. The state lives in React so typing stays
 * instant; changes are written with `history.replaceState` (Next syncs `useSearchParams`
 * without a server round trip). A URL change we did not write (a link, back/forward) wins.
 * Typing writes the address when it pauses and keeps the text in sessionStorage meanwhile, so a
 * reload at any moment keeps the last keystroke.
 */
export function useCatalogUrlState(): CatalogUrlStateHandle {
  // Typed nullable since the repo has a pages/ folder (the gateway's API routes); never null in the App Router.
  const searchParams = useSearchParams() ?? new URLSearchParams();
  const urlKey = catalogSearchString(parseCatalogUrl(searchParams));
  const [state, setState] = useState(() => parseCatalogUrl(searchParams));
  const current = useRef(state);
  /** A typed query not rendered yet (see `typeQuery`). */
  const held = useRef(false);
  /** The URL our state stands for, and every URL we wrote that the router may still report. */
  const applied = useRef(urlKey);
  const written = useRef(new Set<string>());
  /** The URL Next's router last reported. */
  const routerKey = useRef(urlKey);
  const pending = useRef<number | null>(null);
  const pathname = useRef<string | null>(null);

  const onOurPage = () => pathname.current === null || window.location.pathname === pathname.current;

  /** Hands the URL to Next's router (its patched replaceState), so `useSearchParams` and links agree. */
  const syncNext = useCallback(() => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
    // Never stamp the catalog's state on another page's URL.
    if (!onOurPage()) return;
    forgetTyped();
    const key = applied.current;
    if (key === routerKey.current) {
      // The router already has it; the address may still show a keystroke typed and taken back.
      if (window.location.search !== key) writeAddress(`${window.location.pathname}${key}`);
      return;
    }
    written.current.add(key);
    window.history.replaceState(null, "", `${window.location.pathname}${key}`);
  }, []);

  /**
   * After a change of the query alone: sessionStorage now (a few µs; a reload restores it), the
   * address and Next's router once typing pauses.
   */
  const afterTyping = useCallback(() => {
    if (onOurPage()) rememberTyped(window.location.pathname, applied.current);
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = window.setTimeout(syncNext, TYPING_DELAY_MS);
  }, [syncNext]);

  useEffect(() => {
    routerKey.current = urlKey;
    if (urlKey === applied.current) {
      written.current.clear();
      return;
    }
    // The router catching up with an earlier write of ours, not a new location.
    if (written.current.has(urlKey) || pending.current !== null) return;
    applied.current = urlKey;
    written.current.clear();
    forgetTyped();
    const next = parseCatalogUrl(new URLSearchParams(urlKey));
    current.current = next;
    held.current = false;
    setState(next);
  }, [urlKey]);

  useEffect(() => {
    pathname.current = window.location.pathname;
    // A reload just after a keystroke: the address (so the server's render) may lack the last ones.
    const typed = typedBeforeReload(window.location.pathname);
    if (typed !== null && typed !== applied.current) {
      const next = parseCatalogUrl(new URLSearchParams(typed));
      current.current = next;
      applied.current = catalogSearchString(next);
      // Restoring state the server could not know, once, after hydration.
      setState(next);
      afterTyping();
    }
    return () => {
      if (pending.current === null) return;
      window.clearTimeout(pending.current);
      pending.current = null;
      // Leaving mid-typing: the history entry keeps the last keystroke (never another page's URL).
      if (onOurPage()) writeAddress(`${window.location.pathname}${applied.current}`);
      forgetTyped();
    };
  }, [afterTyping]);

  const update = useCallback(
    (change: CatalogStateChange) => {
      const previous = current.current;
      const next = change(previous);
      if (next === previous) return;
      current.current = next;
      held.current = false;
      setState(next);
      applied.current = catalogSearchString(next);
      const typingOnly = catalogSearchString({ ...next, q: previous.q }) === catalogSearchString(previous);
      if (typingOnly) afterTyping();
      else syncNext();
    },
    [afterTyping, syncNext],
  );

  const typeQuery = useCallback(
    (q: string, hold: boolean) => {
      const previous = current.current;
      if (previous.q === q) return previous;
      const next = { ...previous, q };
      current.current = next;
      applied.current = catalogSearchString(next);
      if (hold) held.current = true;
      else {
        held.current = false;
        setState(next);
      }
      afterTyping();
      return next;
    },
    [afterTyping],
  );

  const commit = useCallback(() => {
    if (!held.current) return;
    held.current = false;
    setState(current.current);
  }, []);

  return { state, update, typeQuery, commit };
}
