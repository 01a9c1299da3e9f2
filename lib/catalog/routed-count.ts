import type { CatalogModel } from "./catalog-types";

export interface RoutedCount {
  /** Models in the router's live list. */
  routed: number;
  /** Models shown but not in it: built-ins the router does not serve, models only the config names. */
  notRouted: number;
}

/**
 * How many models came from the router: what "N models from the router" counts. Built-in and
 * config-only entries have no providers, so they are counted apart rather than inflating N.
 */
export function routedCount(models: readonly CatalogModel[]): RoutedCount {
  const routed = models.filter((model) => model.providers.length > 0).length;
  return { routed, notRouted: models.length - routed };
}
