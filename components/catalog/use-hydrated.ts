"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server render and while React hydrates it, true after. What the server could not
 * know (the status and settings queries, which the browser may already have fetched by the time
 * the catalog's Suspense boundary hydrates) is shown only once this is true: hydration then
 * renders exactly the server's HTML (no mismatch, React error 418).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
