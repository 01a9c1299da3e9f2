import { preload } from "react-dom";
import { Suspense } from "react";
import { type CatalogSeedProps, CatalogSeed } from "@/components/catalog/catalog-seed";
import { CatalogSkeleton } from "@/components/catalog/catalog-states";
import { CatalogView } from "@/components/catalog/catalog-view";
import { firstScreen, LARGE_CATALOG } from "@/lib/catalog/catalog-results";
import { parseCatalogUrl } from "@/lib/catalog/catalog-url-state";
import { catalogPayload } from "@/lib/server/catalog/catalog-payload";
import { getCatalog, PAGE_WAIT_MS } from "@/lib/server/catalog/catalog-service";

// Rendered per request with the catalog known now (never waiting long on the router).
export const dynamic = "force-dynamic";

/** Rows of a first screen: a tall window's worth plus the virtual list's overscan. */
const FIRST_SCREEN_ROWS = 40;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function catalogSeed(searchParams: SearchParams): Promise<Omit<CatalogSeedProps, "children">> {
  const catalog = await getCatalog({ waitMs: PAGE_WAIT_MS });
  const renderedAt = Date.now();
  if (catalog.models.length <= LARGE_CATALOG) return { json: catalogPayload(catalog).text, renderedAt };
  const params = new URLSearchParams();
  // As the browser's useSearchParams().get reads them: the first of repeated names.
  for (const [name, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(name, first);
  }
  return { firstScreen: firstScreen(catalog, parseCatalogUrl(params), FIRST_SCREEN_ROWS), renderedAt };
}

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const seed = await catalogSeed(searchParams);
  // The whole list downloads while the page's script loads; the list's own request then finds it.
  if (seed.firstScreen) preload("/api/models", { as: "fetch", crossOrigin: "anonymous" });
  // The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <CatalogSeed {...seed}>
      <Suspense fallback={<CatalogSkeleton />}>
        <CatalogView />
      </Suspense>
    </CatalogSeed>
  );
}
