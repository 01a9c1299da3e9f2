"use client";
import type { DiffRow } from "@/lib/line-diff";

const ROW_STYLE = {
  same: "text-zinc-600 dark:text-zinc-400",
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
  del: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200",
} as const;

export interface DiffViewProps {
  rows: readonly DiffRow[];
  /** Names the region for screen readers (and for tests). */
  label: string;
}

/**
 * A compact line diff: changed lines with some context, unchanged runs folded. Long lines wrap
 * (a config line may hold a whole JSON object), so nothing is cut off at the right edge; a wrapped
 * line continues past the +/- column (a hanging indent), so the markers stay readable.
 */
export function DiffView({ rows, label }: DiffViewProps) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-96 overflow-auto rounded-md border border-zinc-200 font-mono text-xs dark:border-zinc-800"
    >
      <table className="w-full table-fixed border-collapse">
        <colgroup>
          <col className="w-10" />
          <col className="w-10" />
          <col />
        </colgroup>
        <tbody>
          {rows.map((row, index) =>
            row.kind === "skip" ? (
              <tr key={index} className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <td colSpan={3} className="px-2 py-0.5 italic">
                  … {row.count} unchanged line{row.count === 1 ? "" : "s"}
                </td>
              </tr>
            ) : (
              <tr key={index} className={`align-top ${ROW_STYLE[row.kind]}`}>
                <td className="select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                  {row.kind === "add" ? "" : row.oldNo}
                </td>
                <td className="select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                  {row.kind === "del" ? "" : row.newNo}
                </td>
                <td className="whitespace-pre-wrap pr-2 pl-[calc(0.5rem+2ch)] -indent-[2ch] [overflow-wrap:anywhere]">
                  <span aria-hidden className="select-none">
                    {row.kind === "add" ? "+ " : row.kind === "del" ? "- " : "  "}
                  </span>
                  <span className="sr-only">
                    {row.kind === "add" ? "added: " : row.kind === "del" ? "removed: " : ""}
                  </span>
                  {row.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
