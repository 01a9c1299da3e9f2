"use client";
import Link from "next/link";
import { useStatus } from "@/lib/client/status";

/** Header badge: whether the server holds a token (never the token itself). */
export function TokenBadge() {
  const { data } = useStatus();
  if (!data) return <span className="h-6 w-28" aria-hidden />;
  if (!data.token.present) {
    return (
      <Link
        href="/onboarding"
        className="rounded-full bg-accent-100 px-3 py-1 text-xs font-medium text-accent-700 hover:bg-accent-400/40 dark:bg-accent-500/15 dark:text-accent-400"
      >
        No token — set up
      </Link>
    );
  }
  return (
    <span
      className="rounded-full bg-emerald-100 px-3 py-1 font-mono text-xs text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
      title={`Token from ${data.token.source ?? "?"}`}
    >
      token {data.token.masked}
    </span>
  );
}
