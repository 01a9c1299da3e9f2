"use client";
import { useEffect, useRef } from "react";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { Turn } from "@/lib/client/playground-conversation";
import { ReplyView } from "./reply-view";

export interface ChatColumnProps {
  title: string;
  model: string;
  turns: readonly Turn[];
  models: readonly CatalogModel[];
}

/** One model's side of the conversation; keeps the newest text in view while it streams. */
export function ChatColumn({ title, model, turns, models }: ChatColumnProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const last = turns.at(-1);
  const lastSize = last ? last.reply.content.length + last.reply.reasoning.length : 0;

  useEffect(() => {
    const el = scroller.current;
    // Follow the stream only when the reader is already near the bottom.
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 160) el.scrollTop = el.scrollHeight;
  }, [turns.length, lastSize]);

  return (
    <section
      aria-label={title}
      className="flex min-w-0 flex-col rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <header className="flex items-baseline gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{title}</h2>
        <span className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">
          {model || "no model picked"}
        </span>
      </header>
      <div ref={scroller} className="flex h-[calc(100vh-22rem)] min-h-72 flex-col gap-3 overflow-y-auto p-3">
        {turns.length === 0 ? (
          <p className="m-auto max-w-xs text-center text-sm text-zinc-500 dark:text-zinc-400">
            Send a prompt to start. Answers stream in as the model writes them.
          </p>
        ) : (
          turns.map((turn) => (
            <div key={turn.id} className="flex flex-col gap-2">
              <p className="ml-auto max-w-[85%] rounded-lg bg-accent-100 px-3 py-2 text-sm whitespace-pre-wrap text-zinc-900 dark:bg-accent-500/15 dark:text-zinc-100">
                <span className="sr-only">You: </span>
                {turn.user}
              </p>
              <ReplyView reply={turn.reply} models={models} />
            </div>
          ))
        )}
      </div>
    </section>
  );
}
