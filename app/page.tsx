import { Suspense } from "react";
import { CatalogSeed } from "@/components/catalog/catalog-seed";
import { CatalogSkeleton } from "@/components/catalog/catalog-states";
import { CatalogView } from "@/components/catalog/catalog-view";
import { catalogPayload } from "@/lib/server/catalog/catalog-payload";
import { getCatalog, PAGE_WAIT_MS } from "@/lib/server/catalog/catalog-service";

// Rendered per request with the catalog known now (never waiting long on the router).
export const dynamic = "force-dynamic";

async function catalogSeed() {
  const payload = catalogPayload(await getCatalog({ waitMs: PAGE_WAIT_MS }));
  return { json: payload.text, renderedAt: Date.now() };
}

export default async function CatalogPage() {
  const seed = await catalogSeed();
  // The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <CatalogSeed {...seed}>
      <Suspense fallback={<CatalogSkeleton />}>
        <CatalogView />
      </Suspense>
    </CatalogSeed>
  );
}
