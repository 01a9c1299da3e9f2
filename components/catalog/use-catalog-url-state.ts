"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { catalogSearchString, type CatalogUrlState, parseCatalogUrl } from "@/lib/catalog-url-state";

export type CatalogStateChange = (state: CatalogUrlState) => CatalogUrlState;

/**
 * The catalog view state, mirrored into the URL. The state lives in React so typing stays
 * instant; every change is written with `history.replaceState` (Next syncs `useSearchParams`
 * without a server round trip). A URL change we did not write (a link, back/forward) wins.
 */
export function useCatalogUrlState(): [CatalogUrlState, (change: CatalogStateChange) => void] {
  const searchParams = useSearchParams();
  const urlKey = catalogSearchString(parseCatalogUrl(searchParams));
  const [state, setState] = useState(() => parseCatalogUrl(searchParams));
  const current = useRef(state);
  /** The URL our state stands for, and every URL we wrote that the router may still report. */
  const applied = useRef(urlKey);
  const written = useRef(new Set<string>());

  useEffect(() => {
    if (urlKey === applied.current) {
      written.current.clear();
      return;
    }
    // The router catching up with an earlier keystroke of ours, not a new location.
    if (written.current.has(urlKey)) return;
    applied.current = urlKey;
    written.current.clear();
    const next = parseCatalogUrl(new URLSearchParams(urlKey));
    current.current = next;
    setState(next);
  }, [urlKey]);

  const update = useCallback((change: CatalogStateChange) => {
    const next = change(current.current);
    if (next === current.current) return;
    current.current = next;
    setState(next);
    const key = catalogSearchString(next);
    applied.current = key;
    written.current.add(key);
    window.history.replaceState(null, "", `${window.location.pathname}${key}`);
  }, []);

  return [state, update];
}
