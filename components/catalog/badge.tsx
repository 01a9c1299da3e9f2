import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "accent" | "green" | "blue" | "violet" | "sky" | "red" | "outline";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  accent: "bg-accent-100 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400",
  green: "bg-emerald-50 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  blue: "bg-blue-50 text-blue-800 dark:bg-blue-500/15 dark:text-blue-300",
  violet: "bg-violet-50 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300",
  sky: "bg-sky-50 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  red: "bg-red-50 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  outline: "border border-zinc-300 text-zinc-600 dark:border-zinc-600 dark:text-zinc-400",
};

/** A small label pill; `title` explains it on hover. */
export function Badge({
  tone = "neutral",
  title,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span
      title={title}
      className={`inline-flex h-5 shrink-0 items-center rounded px-1.5 text-[11px] leading-none font-medium whitespace-nowrap ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
