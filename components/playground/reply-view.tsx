import Link from "next/link";
import { memo } from "react";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { Reply } from "@/lib/client/playground-conversation";
import { LazyMarkdown } from "./lazy-markdown";
import { ReasoningView } from "./reasoning-view";
import { ReplyMeta } from "./reply-meta";

const STATUS_TEXT = { waiting: "Waiting for the first token…", streaming: "Answering…", stopped: "Stopped." } as const;

/**
 * One assistant reply: reasoning apart, the answer as Markdown, its figures, or its error.
 * Memoised: while one reply streams, the finished ones are not parsed again.
 */
export const ReplyView = memo(function ReplyView({ reply, models }: { reply: Reply; models: readonly CatalogModel[] }) {
  const busy = reply.status === "waiting" || reply.status === "streaming";
  const content = reply.content.replace(/^\s+/, "");
  return (
    <article
      aria-label="Assistant reply"
      aria-busy={busy}
      data-status={reply.status}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      {reply.reasoning ? (
        <ReasoningView text={reply.reasoning} thinking={reply.thinking || (busy && !content)} />
      ) : null}
      {content ? <LazyMarkdown text={content} /> : null}
      {reply.status === "waiting" || reply.status === "stopped" || (reply.status === "streaming" && !content) ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" role="status">
          {reply.status === "streaming"
            ? reply.reasoning
              ? "Reasoning…"
              : STATUS_TEXT.streaming
            : STATUS_TEXT[reply.status]}
        </p>
      ) : null}
      {reply.error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          <p>{reply.error.message}</p>
          {reply.error.code === "budget_exceeded" ? (
            <p className="mt-1">
              <Link href="/usage" className="font-medium underline">
                See spending and budgets
              </Link>
            </p>
          ) : null}
          {reply.error.status || reply.error.code ? (
            <p className="mt-1 font-mono text-xs opacity-80">
              {[reply.error.status ? `HTTP ${reply.error.status}` : null, reply.error.code].filter(Boolean).join(" · ")}
            </p>
          ) : null}
        </div>
      ) : null}
      {/* An error with no text has nothing to measure: its message already says which models failed. */}
      {reply.status === "waiting" || (reply.status === "error" && !content) ? null : (
        <ReplyMeta reply={reply} models={models} />
      )}
    </article>
  );
});
