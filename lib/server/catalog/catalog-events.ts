import "server-only";

export type CatalogListener = () => void;

// On globalThis: the catalog service and the events route may sit in different route bundles.
const KEY = Symbol.for("hf-model-picker.catalog-listeners");
const listeners: Set<CatalogListener> = ((globalThis as { [KEY]?: Set<CatalogListener> })[KEY] ??= new Set());

/** Calls `listener` after each refresh of the router's list (new list or failure); returns the unsubscribe function. */
export function onCatalogRefreshed(listener: CatalogListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitCatalogRefreshed(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error("[catalog] a refresh listener failed:", error);
    }
  }
}
