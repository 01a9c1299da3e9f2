"use client";
import { type RefObject, useLayoutEffect, useRef, useState } from "react";

export interface SearchBoxProps {
  ref: RefObject<HTMLInputElement | null>;
  /** The query the page has (it may lag the text while the list's answer is on its way). */
  value: string;
  onChange: (value: string) => void;
  resultsId: string;
}

/**
 * The catalog search field; `/` anywhere on the page focuses it. The text lives in the input
 * itself (uncontrolled): a keystroke renders nothing here but the clear button when the box
 * turns empty or not, and the page renders the query with the list's answer. A `value` that
 * differs from what was typed last (Clear all, a link, back/forward, a reload's restore) is
 * written into the box.
 */
export function SearchBox({ ref, value, onChange, resultsId }: SearchBoxProps) {
  const [empty, setEmpty] = useState(value === "");
  /** What the box last told the page: a `value` that only catches up with it is not a change. */
  const typed = useRef(value);
  useLayoutEffect(() => {
    const input = ref.current;
    if (value === typed.current || !input) return;
    typed.current = value;
    input.value = value;
    setEmpty(value === "");
  }, [ref, value]);
  const change = (text: string) => {
    typed.current = text;
    setEmpty(text === "");
    onChange(text);
  };
  return (
    <div className="relative min-w-0 flex-1 basis-full sm:basis-0">
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <circle cx="7" cy="7" r="4.5" />
        <path d="m10.5 10.5 3 3" strokeLinecap="round" />
      </svg>
      <input
        ref={ref}
        type="search"
        defaultValue={value}
        onChange={(event) => change(event.target.value)}
        aria-label="Search models"
        aria-controls={resultsId}
        aria-keyshortcuts="/"
        placeholder="Search by name, id, alias, org or provider…"
        autoComplete="off"
        spellCheck={false}
        className="h-9 w-full rounded-md border border-zinc-300 bg-white pr-10 pl-8 text-sm text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 [&::-webkit-search-cancel-button]:hidden"
      />
      {!empty ? (
        <button
          type="button"
          onClick={() => {
            if (ref.current) ref.current.value = "";
            change("");
          }}
          aria-label="Clear search"
          className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 items-center justify-center rounded text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            className="size-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
          >
            <path d="m4 4 8 8M12 4l-8 8" strokeLinecap="round" />
          </svg>
        </button>
      ) : (
        <kbd
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 px-1.5 font-mono text-[11px] text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
        >
          /
        </kbd>
      )}
    </div>
  );
}
