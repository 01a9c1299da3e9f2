"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useState } from "react";
import { decodeCatalog, type WireCatalog } from "@/lib/catalog/catalog-wire";
import { modelsQueryOptions } from "@/lib/client/models";

/**
 * When the server rendered the page (ms since epoch), or null in a page rendered in the browser.
 * Ages ("fetched 2 min ago") are computed against it until hydration ends, so the hydrating render
 * says what the server's HTML says even when a minute boundary passed in between.
 */
export const RenderedAtContext = createContext<number | null>(null);

/**
 * Puts the catalog the server rendered the page with into the query cache before the list reads
 * it, as HydrationBoundary does for a new query: the rows are in the HTML and no request waits
 * for the page's script (no waterfall). It comes as the wire shape's JSON text, the smallest form
 * and the cheapest for the server to send; it is the server's own answer, so it is not re-validated.
 */
export function CatalogSeed({ json, renderedAt, children }: { json: string; renderedAt: number; children: ReactNode }) {
  const queryClient = useQueryClient();
  useState(() => {
    const { queryKey } = modelsQueryOptions();
    if (queryClient.getQueryData(queryKey) === undefined)
      queryClient.setQueryData(queryKey, decodeCatalog(JSON.parse(json) as WireCatalog));
  });
  return <RenderedAtContext value={renderedAt}>{children}</RenderedAtContext>;
}
