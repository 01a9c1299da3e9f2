"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { catalogSearchString, type CatalogUrlState, parseCatalogUrl } from "@/lib/catalog/catalog-url-state";

export type CatalogStateChange = (state: CatalogUrlState) => CatalogUrlState;

/** Typing tells Next's router once the user pauses: each of those writes costs ~15 ms in Next's history patch. */
const TYPING_DELAY_MS = 300;

/**
 * The browser's own replaceState, not Next's patched one: it only changes the address, so it is
 * cheap enough for every keystroke, and a reload at any moment keeps the last one. Next's router
 * state is kept as it is and told about the change later (see `syncNext`).
 */
function writeAddress(url: string): void {
  History.prototype.replaceState.call(window.history, window.history.state, "", url);
}

/**
 * The catalog view state, mirrored into the URL. The state lives in React so typing stays
 * instant; changes are written with `history.replaceState` (Next syncs `useSearchParams`
 * without a server round trip). A URL change we did not write (a link, back/forward) wins.
 */
export function useCatalogUrlState(): [CatalogUrlState, (change: CatalogStateChange) => void] {
  // Typed nullable since the repo has a pages/ folder (the gateway's API routes); never null in the App Router.
  const searchParams = useSearchParams() ?? new URLSearchParams();
  const urlKey = catalogSearchString(parseCatalogUrl(searchParams));
  const [state, setState] = useState(() => parseCatalogUrl(searchParams));
  const current = useRef(state);
  /** The URL our state stands for, and every URL we wrote that the router may still report. */
  const applied = useRef(urlKey);
  const written = useRef(new Set<string>());
  /** The URL Next's router last reported. */
  const routerKey = useRef(urlKey);
  const pending = useRef<number | null>(null);
  const pathname = useRef<string | null>(null);

  /** Hands the URL to Next's router (its patched replaceState), so `useSearchParams` and links agree. */
  const syncNext = useCallback(() => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
    // Never stamp the catalog's state on another page's URL.
    if (pathname.current !== null && window.location.pathname !== pathname.current) return;
    const key = applied.current;
    if (key === routerKey.current) return;
    written.current.add(key);
    window.history.replaceState(null, "", `${window.location.pathname}${key}`);
  }, []);

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
    const next = parseCatalogUrl(new URLSearchParams(urlKey));
    current.current = next;
    setState(next);
  }, [urlKey]);

  useEffect(() => {
    pathname.current = window.location.pathname;
    return () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = null;
    };
  }, []);

  const update = useCallback(
    (change: CatalogStateChange) => {
      const previous = current.current;
      const next = change(previous);
      if (next === previous) return;
      current.current = next;
      setState(next);
      applied.current = catalogSearchString(next);
      const typingOnly = catalogSearchString({ ...next, q: previous.q }) === catalogSearchString(previous);
      if (!typingOnly) syncNext();
      else {
        // The address now (a reload keeps every keystroke), Next's router once typing pauses.
        if (pathname.current === null || window.location.pathname === pathname.current) {
          writeAddress(`${window.location.pathname}${applied.current}`);
        }
        if (pending.current !== null) window.clearTimeout(pending.current);
        pending.current = window.setTimeout(syncNext, TYPING_DELAY_MS);
      }
    },
    [syncNext],
  );

  return [state, update];
}
