import { preload } from "react-dom";
import { Suspense } from "react";
import { CatalogSkeleton } from "@/components/catalog/catalog-states";
import { CatalogView } from "@/components/catalog/catalog-view";

export default function CatalogPage() {
  // Start downloading the catalog with the HTML instead of after hydration: at 10,000 models it
  // is megabytes, and the client query (same URL, same-origin credentials) picks this response up.
  preload("/api/models", { as: "fetch", crossOrigin: "anonymous" });
  // The view reads its state from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense fallback={<CatalogSkeleton />}>
      <CatalogView />
    </Suspense>
  );
}
