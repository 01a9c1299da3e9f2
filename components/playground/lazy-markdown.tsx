"use client";
import { lazy, Suspense, useEffect } from "react";

// Markdown (react-markdown, remark-gfm, micromark) is most of the playground's script and only a
// reply needs it: it loads in its own chunk, fetched when the browser is idle or the first reply comes.
const load = () => import("./markdown-view");
const MarkdownView = lazy(() => load().then((module) => ({ default: module.MarkdownView })));

/** Starts loading the Markdown chunk once the page is idle, so the first reply rarely waits for it. */
export function usePreloadMarkdown(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void load());
  }, []);
}

/** The answer as Markdown; until the chunk is in, the same text plain (nothing jumps or goes missing). */
export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="text-sm leading-relaxed break-words whitespace-pre-wrap">{text}</p>}>
      <MarkdownView text={text} />
    </Suspense>
  );
}
