import { Suspense } from "react";
import { CatalogSeed } from "@/components/catalog/catalog-seed";
import { CatalogSkeleton } from "@/components/catalog/catalog-states";
import { CatalogView } from "@/components/catalog/catalog-view";
import { catalogPayload } from "@/lib/server/catalog/catalog-payload";
import { getCatalog, PAGE_WAIT_MS } from "@/lib/server/catalog/catalog-service";

// Rendered per request with the catalog known now (never waiting long on the router).
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  // The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
  const view = (
    <Suspense fallback={<CatalogSkeleton />}>
      <CatalogView />
    </Suspense>
  );
  // With a model's details open, the list loads in the browser as before: the details panel does not
  // hydrate cleanly from a server render yet (React error 418 in e2e/catalog-checks.spec.ts).
  if ((await searchParams).model) return view;
  const payload = catalogPayload(await getCatalog({ waitMs: PAGE_WAIT_MS }));
  return <CatalogSeed json={payload.text}>{view}</CatalogSeed>;
}
