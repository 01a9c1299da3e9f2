"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { decodeCatalog, type WireCatalog } from "@/lib/catalog/catalog-wire";
import { modelsQueryOptions } from "@/lib/client/models";

/**
 * Puts the catalog the server rendered the page with into the query cache before the list reads
 * it, as HydrationBoundary does for a new query: the rows are in the HTML and no request waits
 * for the page's script (no waterfall). It comes as the wire shape's JSON text, the smallest form
 * and the cheapest for the server to send; it is the server's own answer, so it is not re-validated.
 */
export function CatalogSeed({ json, children }: { json: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  useState(() => {
    const { queryKey } = modelsQueryOptions();
    if (queryClient.getQueryData(queryKey) === undefined)
      queryClient.setQueryData(queryKey, decodeCatalog(JSON.parse(json) as WireCatalog));
  });
  return children;
}
