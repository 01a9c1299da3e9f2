import { type ReactNode, useId } from "react";

export interface CardProps {
  title: ReactNode;
  description?: ReactNode;
  /** Shown at the right of the title, e.g. a status badge or a button. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled section; its heading names the region for screen readers. */
export function Card({ title, description, actions, children, className = "" }: CardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40 ${className}`}
    >
      <header className="flex items-start gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-sm font-semibold">
            {title}
          </h2>
          {description ? <div className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{description}</div> : null}
        </div>
        {actions}
      </header>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
