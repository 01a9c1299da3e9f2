import { inBatches, megabytes, streamChat, type Abandon } from "../chat";
import type { Scenario } from "../types";

/** Over this, the server's memory after GC grew with the streams: something is kept per request. */
const MAX_GROWTH_BYTES = 50 * 1024 * 1024;
/** The reduced form runs 60 streams in-process: its heap after GC must stay within this (~80 KB a stream). */
const QUICK_MAX_HEAP_GROWTH_BYTES = 5 * 1024 * 1024;

/**
 * Streamed chats of which half are abandoned by the client after the first chunk. Every kept stream
 * completes, every abandoned one is aborted upstream too, and the dashboard's memory after GC does not
 * grow with the count (a leak of listeners, timers, readers or closures would).
 */
export const scenario: Scenario = {
  name: "aborted streams, memory before and after",
  async run({ scale, target, router, memory }) {
    const count = scale === "full" ? 1000 : 60;
    const width = 20;
    // Every other client leaves: half of them after the first chunk, half before the answer starts.
    const abandon = (i: number): Abandon => (i % 2 === 1 ? false : i % 4 === 0 ? "after-first-chunk" : "before-answer");
    const chat = (i: number) => streamChat(target, i, abandon(i), router);
    // Warm up first: the first requests compile and cache what every later one reuses.
    await inBatches(scale === "full" ? 100 : 12, width, (i) => chat(100_000 + i));
    const before = await memory();
    const firstSeq = (router.requests.at(-1)?.seq ?? 0) + 1;
    const started = performance.now();
    const outcomes = await inBatches(count, width, chat);
    const seconds = (performance.now() - started) / 1000;

    // The router sees an abandoned stream end once the gateway has aborted it.
    const ours = () => router.requests.filter((r) => r.seq >= firstSeq && r.path === "/v1/chat/completions");
    const open = () => ours().filter((r) => !r.completed && !r.aborted).length;
    for (let wait = 0; wait < 100 && open() > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await memory();

    const kept = outcomes.filter((o) => !o.abandoned);
    const completed = kept.filter((o) => o.status === 200 && o.done && !o.streamError).length;
    const abandoned = outcomes.filter((o) => o.abandoned).length;
    const serverErrors = outcomes.filter((o) => o.status >= 500 && o.status !== 0).length;
    const growth = after.rss - before.rss;
    const problems: string[] = [];
    if (completed !== kept.length)
      problems.push(`${kept.length - completed} of ${kept.length} kept streams did not complete`);
    if (abandoned !== count - kept.length) problems.push(`only ${abandoned} streams could be abandoned mid-answer`);
    if (serverErrors > 0) problems.push(`${serverErrors} answers were 5xx`);
    if (open() > 0) problems.push(`${open()} upstream requests still open after their clients left`);
    if (scale === "full" && growth > MAX_GROWTH_BYTES)
      problems.push(`RSS after GC grew by ${megabytes(growth)} MB (limit ${megabytes(MAX_GROWTH_BYTES)} MB)`);
    if (scale === "quick" && after.heapUsed - before.heapUsed > QUICK_MAX_HEAP_GROWTH_BYTES)
      problems.push(
        `the heap after GC grew by ${megabytes(after.heapUsed - before.heapUsed)} MB over ${count} streams`,
      );
    return {
      figures: {
        streams: count,
        "abandoned by the client": abandoned,
        "kept, completed": `${completed} of ${kept.length}`,
        "aborted upstream": ours().filter((r) => r.aborted).length,
        "5xx": serverErrors,
        "RSS before MB": megabytes(before.rss),
        "RSS after MB": megabytes(after.rss),
        "RSS growth MB": megabytes(growth),
        "heap growth MB": megabytes(after.heapUsed - before.heapUsed),
        seconds: seconds.toFixed(1),
      },
      problems,
    };
  },
};
