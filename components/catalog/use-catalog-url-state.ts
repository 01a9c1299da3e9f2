"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { catalogSearchString, type CatalogUrlState, parseCatalogUrl } from "@/lib/catalog/catalog-url-state";

export type CatalogStateChange = (state: CatalogUrlState) => CatalogUrlState;

/** Typing writes the URL once the user pauses: each write costs ~15 ms in Next's history patch. */
const TYPING_DELAY_MS = 300;

/**
 * The catalog view state, mirrored into the URL. The state lives in React so typing stays
 * instant; changes are written with `history.replaceState` (Next syncs `useSearchParams`
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
  const pending = useRef<number | null>(null);
  const pathname = useRef<string | null>(null);

  const writeUrl = useCallback(() => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
    // Never stamp the catalog's state on another page's URL.
    if (pathname.current !== null && window.location.pathname !== pathname.current) return;
    const key = applied.current;
    if (catalogSearchString(parseCatalogUrl(new URLSearchParams(window.location.search))) === key) return;
    written.current.add(key);
    window.history.replaceState(null, "", `${window.location.pathname}${key}`);
  }, []);

  useEffect(() => {
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

  // A reload mid-typing still gets the last keystroke into the URL.
  useEffect(() => {
    pathname.current = window.location.pathname;
    window.addEventListener("pagehide", writeUrl);
    return () => {
      window.removeEventListener("pagehide", writeUrl);
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = null;
    };
  }, [writeUrl]);

  const update = useCallback(
    (change: CatalogStateChange) => {
      const previous = current.current;
      const next = change(previous);
      if (next === previous) return;
      current.current = next;
      setState(next);
      applied.current = catalogSearchString(next);
      const typingOnly = catalogSearchString({ ...next, q: previous.q }) === catalogSearchString(previous);
      if (!typingOnly) writeUrl();
      else {
        if (pending.current !== null) window.clearTimeout(pending.current);
        pending.current = window.setTimeout(writeUrl, TYPING_DELAY_MS);
      }
    },
    [writeUrl],
  );

  return [state, update];
}
