"use client";
import dynamic from "next/dynamic";

/**
 * The usage page's content, loaded in the browser only: its dates are the local days of now,
 * and its chart library is fetched by this page alone.
 */
export const UsagePage = dynamic(() => import("./usage-view"), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading usage…</p>,
});
