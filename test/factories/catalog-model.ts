/** Catalog entries for unit tests, built the way the catalog merge builds them. */
import type { CatalogModel, CatalogProvider } from "@/lib/catalog/catalog-types";
import { deriveDisplayName } from "@/lib/catalog/display-name";

/**
 * A routed, non-built-in, text-only model with no providers: `id` gives the ref, the owner and
 * (through the same rule as the merge) the name; the display name is the alias when there is one.
 * Pass only what the test is about in `overrides`.
 */
export function catalogModel(id: string, overrides: Partial<CatalogModel> = {}): CatalogModel {
  const name = overrides.name ?? deriveDisplayName(id);
  return {
    ref: `huggingface/${id}`,
    id,
    displayName: overrides.alias ?? name,
    name,
    ownedBy: id.split("/")[0] ?? "",
    available: true,
    builtin: false,
    reasoning: false,
    input: ["text"],
    providers: [],
    ...overrides,
  };
}

/** Providers serving the model right now, with nothing else known about them. */
export function liveProviders(...names: string[]): CatalogProvider[] {
  return names.map((provider) => ({ provider, status: "live" }));
}
