"use client";
import Link from "next/link";
import { type ReactNode, use } from "react";
import { Button } from "@/components/ui/button";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { formatAge, formatCount } from "@/lib/format";
import type { RoutedCount } from "@/lib/catalog/routed-count";
import { RenderedAtContext } from "./catalog-seed";

export interface SourceBannerProps {
  catalog: CatalogResponse;
  /** The whole catalog's counts (its `models` may hold only a first screen of it). */
  counts: RoutedCount;
  tokenPresent: boolean | undefined;
  routerHost: string | null;
  onRefresh: () => void;
  refreshing: boolean;
  refreshError: string | null;
  /** Before hydration ends the age is the one the server rendered (see RenderedAtContext). */
  hydrated: boolean;
}

const DOT = { live: "bg-emerald-500", cache: "bg-amber-500", builtin: "bg-zinc-400" } as const;

/** Where the list comes from: live router, the last good copy, or the built-in ten. Said plainly. */
export function SourceBanner({
  catalog,
  counts,
  tokenPresent,
  routerHost,
  onRefresh,
  refreshing,
  refreshError,
  hydrated,
}: SourceBannerProps) {
  const renderedAt = use(RenderedAtContext);
  // "N models from the router" counts the router's own: built-ins it does not serve are said apart.
  const { routed, notRouted } = counts;
  const count = formatCount(routed + notRouted);
  const others = notRouted ? <> · {formatCount(notRouted)} more listed, not currently routed</> : null;
  const age = !catalog.fetchedAt
    ? null
    : hydrated || renderedAt === null
      ? formatAge(catalog.fetchedAt)
      : formatAge(catalog.fetchedAt, renderedAt);
  const tone =
    catalog.source === "live"
      ? "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40"
      : "border-amber-200 bg-amber-50 dark:border-amber-900/70 dark:bg-amber-950/30";

  // The server answered before the router did: what is shown now is replaced when it answers.
  const checking = catalog.checking ? <> · checking the router…</> : null;
  let message: ReactNode;
  if (catalog.source === "builtin" && catalog.checking) {
    message = (
      <>
        <strong className="font-semibold">Built-in catalog</strong> · {count} models{checking}
      </>
    );
  } else if (catalog.source === "live") {
    message = (
      <>
        <strong className="font-semibold">Live catalog</strong> · {formatCount(routed)} models
        {routerHost ? <> from {routerHost}</> : null}
        {others}
        {age ? <> · fetched {age}</> : null}
        {checking}
      </>
    );
  } else if (catalog.source === "cache") {
    message = (
      <>
        <strong className="font-semibold">Cached catalog</strong> · {formatCount(routed)} models
        {age ? <> from {age}</> : null}
        {others}. The last refresh failed: {catalog.error ?? "unknown error"}
        {checking}
      </>
    );
  } else {
    const reason = catalog.error?.replace(/[.\s]+$/, "");
    message = (
      <>
        <strong className="font-semibold">Built-in catalog only.</strong>{" "}
        {tokenPresent === false || !reason
          ? `No token and no reachable router: showing the built-in catalog of ${count} models.`
          : `${reason}: showing the built-in catalog of ${count} models.`}
        {tokenPresent === false && reason ? (
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">Router: {reason}.</span>
        ) : null}
      </>
    );
  }

  return (
    <section
      aria-label="Catalog source"
      className={`flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-1.5 text-sm ${tone}`}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${DOT[catalog.source]}`} />
      <p className="min-w-0 flex-1 text-zinc-700 dark:text-zinc-300">
        {message}
        {refreshError ? (
          <span className="text-red-700 dark:text-red-400"> · Refresh failed: {refreshError}</span>
        ) : null}
      </p>
      {tokenPresent === false ? (
        <Link
          href="/onboarding"
          className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400"
        >
          Add a token
        </Link>
      ) : null}
      <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh the catalog from the router">
        <RefreshIcon spinning={refreshing} />
        {refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </section>
  );
}

function RefreshIcon({ spinning }: { spinning: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className={`size-3.5 ${spinning ? "animate-spin" : ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
