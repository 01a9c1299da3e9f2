import { type ReactNode, useId } from "react";

/** One numbered step; `done` shows a check beside the number. */
export function Step({
  number,
  title,
  done,
  children,
}: {
  number: number;
  title: string;
  done?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <li
      aria-labelledby={headingId}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <h2 id={headingId} className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <span
          aria-hidden
          className={`flex size-6 items-center justify-center rounded-full text-xs ${
            done ? "bg-emerald-600 text-white" : "bg-accent-400 text-zinc-950"
          }`}
        >
          {done ? "✓" : number}
        </span>
        <span>
          Step {number}: {title}
          {done ? <span className="sr-only"> (done)</span> : null}
        </span>
      </h2>
      <div className="flex flex-col gap-2 pl-8 text-sm">{children}</div>
    </li>
  );
}
