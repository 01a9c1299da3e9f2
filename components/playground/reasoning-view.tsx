"use client";
import { useState } from "react";

/** The model's reasoning, apart from the answer and collapsible; open while it is still thinking. */
export function ReasoningView({ text, thinking }: { text: string; thinking: boolean }) {
  const [open, setOpen] = useState<boolean | null>(null);
  const isOpen = open ?? thinking;
  return (
    <details
      open={isOpen}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        if (next !== isOpen) setOpen(next);
      }}
      className="rounded-md border border-violet-200 bg-violet-50/60 text-sm dark:border-violet-900/60 dark:bg-violet-950/20"
    >
      <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-violet-800 select-none dark:text-violet-300">
        {thinking ? "Thinking…" : "Reasoning"}
        <span className="ml-2 font-normal text-violet-700 dark:text-violet-300">
          {text.length.toLocaleString("en-US")} characters
        </span>
      </summary>
      <div
        tabIndex={0}
        className="max-h-64 overflow-y-auto border-t border-violet-200 px-3 py-2 text-xs leading-relaxed whitespace-pre-wrap text-zinc-700 dark:border-violet-900/60 dark:text-zinc-300"
      >
        {text}
      </div>
    </details>
  );
}
