"use client";
import { useCallback, useSyncExternalStore } from "react";

/** Favourite model ids (Hub ids), kept in this browser only. */
export const FAVOURITES_KEY = "hf-model-picker:favourites";

/** Reads the stored list, tolerating anything a user or an old version left there. */
export function parseFavourites(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === "string"))] : [];
  } catch {
    return [];
  }
}

export function toggleFavourite(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cachedSet: ReadonlySet<string> = new Set();
const EMPTY: ReadonlySet<string> = new Set();

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(FAVOURITES_KEY);
  } catch {
    return null;
  }
}

// useSyncExternalStore needs a stable snapshot: re-parse only when the stored text changes.
function snapshot(): ReadonlySet<string> {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSet = new Set(parseFavourites(raw));
  }
  return cachedSet;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the favourites.
  const onStorage = (event: StorageEvent) => {
    if (event.key === FAVOURITES_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The favourite ids and a toggle; empty during server rendering. */
export function useFavourites(): { favourites: ReadonlySet<string>; toggle: (id: string) => void } {
  const favourites = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const toggle = useCallback((id: string) => {
    const next = toggleFavourite([...snapshot()], id);
    try {
      window.localStorage.setItem(FAVOURITES_KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the star simply does not stick.
    }
    for (const listener of listeners) listener();
  }, []);
  return { favourites, toggle };
}
