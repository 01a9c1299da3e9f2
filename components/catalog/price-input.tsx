"use client";
import { useState } from "react";

function parse(text: string): number | null | "invalid" {
  const trimmed = text.trim().replace(/^\$/, "");
  if (trimmed === "") return null;
  const number = Number(trimmed);
  return Number.isFinite(number) && number >= 0 ? number : "invalid";
}

/** A "$ per 1M tokens" maximum; empty means any price. Applies as you type. */
export function PriceInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(value == null ? "" : String(value));
  const [seen, setSeen] = useState(value);
  // Cleared or changed from outside (Clear filters, a shared link): show the new value.
  if (value !== seen) {
    setSeen(value);
    if (parse(text) !== value) setText(value == null ? "" : String(value));
  }
  const parsed = parse(text);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <div className="relative">
        <span
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-xs text-zinc-500 dark:text-zinc-400"
        >
          $
        </span>
        <input
          id={id}
          inputMode="decimal"
          value={text}
          placeholder="any"
          aria-invalid={parsed === "invalid"}
          onChange={(event) => {
            setText(event.target.value);
            const next = parse(event.target.value);
            if (next !== "invalid") onChange(next);
          }}
          className={`h-8 w-full rounded-md border bg-white pr-12 pl-5 text-sm tabular-nums dark:bg-zinc-950 ${
            parsed === "invalid" ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
          }`}
        />
        <span
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 text-[11px] text-zinc-500 dark:text-zinc-400"
        >
          /1M
        </span>
      </div>
    </div>
  );
}
