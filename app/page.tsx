import { Suspense } from "react";
import { CatalogSkeleton } from "@/components/catalog/catalog-states";
import { CatalogView } from "@/components/catalog/catalog-view";

// The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
export default function CatalogPage() {
  return (
    <Suspense fallback={<CatalogSkeleton />}>
      <CatalogView />
    </Suspense>
  );
}
