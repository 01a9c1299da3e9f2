import type { ChainFinding } from "@/lib/catalog/chain-types";

const TONE = {
  error: "text-red-700 dark:text-red-400",
  warning: "text-amber-800 dark:text-amber-300",
  info: "text-zinc-600 dark:text-zinc-400",
} as const;
const ICON = { error: "✕", warning: "!", info: "i" } as const;
const WORD = { error: "Problem", warning: "Warning", info: "Note" } as const;

/**
 * The chain check's findings about one entry, shown beside it (or the chain's own in the check card).
 * A named group rather than a list: it sits inside the fallbacks list's items.
 */
export function ChainFindings({ findings, label }: { findings: readonly ChainFinding[]; label: string }) {
  if (findings.length === 0) return null;
  return (
    <span role="group" aria-label={label} className="mt-1 flex flex-col gap-0.5 text-xs">
      {findings.map((finding) => (
        <span
          key={`${finding.code}-${finding.position ?? "chain"}`}
          className={`flex gap-1.5 ${TONE[finding.severity]}`}
        >
          <span
            aria-hidden
            className="mt-px inline-flex h-3.5 w-3.5 shrink-0 items-center justify-center rounded-full border border-current text-[9px] font-bold"
          >
            {ICON[finding.severity]}
          </span>
          <span>
            <span className="sr-only">{WORD[finding.severity]}: </span>
            {finding.message}
          </span>
        </span>
      ))}
    </span>
  );
}
