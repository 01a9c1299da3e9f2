"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useState } from "react";
import type { FirstScreen } from "@/lib/catalog/catalog-results";
import { decodeCatalog, type WireCatalog } from "@/lib/catalog/catalog-wire";
import { modelsQueryOptions } from "@/lib/client/models";

/**
 * When the server rendered the page (ms since epoch), or null in a page rendered in the browser.
 * Ages ("fetched 2 min ago") are computed against it until hydration ends, so the hydrating render
 * says what the server's HTML says even when a minute boundary passed in between.
 */
export const RenderedAtContext = createContext<number | null>(null);

/** The first screen of a large catalog the server rendered, shown until the whole list arrives. */
export const FirstScreenContext = createContext<FirstScreen | null>(null);

export interface CatalogSeedProps {
  renderedAt: number;
  /** The whole catalog (wire shape JSON text), or */
  json?: string;
  /** only the first screen of a large one. */
  firstScreen?: FirstScreen;
  children: ReactNode;
}

/**
 * Hands the view the catalog the server rendered the page with, so the rows are in the HTML and
 * no request waits for the page's script (no waterfall).
 * - `json`: the whole catalog as the wire shape's JSON text (the smallest form, the cheapest for the
 *   server to send), put into the query cache before the list reads it, as HydrationBoundary does
 *   for a new query. It is the server's own answer, so it is not re-validated.
 * - `firstScreen`: for a large catalog only the rows of the first screen; the page preloads
 *   `/api/models` and the list takes the whole catalog over when it arrives.
 */
export function CatalogSeed({ json, firstScreen, renderedAt, children }: CatalogSeedProps) {
  const queryClient = useQueryClient();
  useState(() => {
    const { queryKey } = modelsQueryOptions();
    if (json !== undefined && queryClient.getQueryData(queryKey) === undefined)
      queryClient.setQueryData(queryKey, decodeCatalog(JSON.parse(json) as WireCatalog));
  });
  return (
    <RenderedAtContext value={renderedAt}>
      <FirstScreenContext value={firstScreen ?? null}>{children}</FirstScreenContext>
    </RenderedAtContext>
  );
}
