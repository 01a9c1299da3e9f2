/** Streamed chats through the dashboard's gateway, for the stream scenarios. */
import type { FakeRouter } from "@/test/fake-router/server";
import type { Target } from "./types";

export const STREAM_MODEL = "huggingface/Qwen/Qwen3-8B";
const HANG_MODEL = "huggingface/fault/hang";

export interface StreamOutcome {
  status: number;
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
  /** The client went away after the first chunk, as asked. */
  abandoned: boolean;
  /** An error event inside the stream (e.g. stream_interrupted). */
  streamError: boolean;
}

/** What the client does: read the whole stream, leave after the first chunk, or leave before the answer starts. */
export type Abandon = false | "after-first-chunk" | "before-answer";

/**
 * One streamed chat. "before-answer" asks for a model that never answers (the fake router's hang)
 * and leaves once the router holds the request, found by `router` (the gateway is still waiting).
 */
export async function streamChat(
  target: Target,
  index: number,
  abandon: Abandon,
  router?: FakeRouter,
): Promise<StreamOutcome> {
  const client = new AbortController();
  const prompt = `Stress request ${index}: tell me about streams.`;
  if (abandon === "before-answer") {
    const seen = () => router?.requests.some((r) => JSON.stringify(r.body ?? "").includes(prompt)) ?? true;
    void (async () => {
      for (let wait = 0; wait < 500 && !seen(); wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      client.abort();
    })();
  }
  const response = await target
    .fetch("/api/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: abandon === "before-answer" ? HANG_MODEL : STREAM_MODEL,
        stream: true,
        max_tokens: 32,
        messages: [{ role: "user", content: prompt }],
      }),
      signal: client.signal,
    })
    .catch((error: unknown) => {
      if (client.signal.aborted) return null;
      throw error;
    });
  if (response === null) return { status: 0, done: false, abandoned: true, streamError: false };
  const outcome: StreamOutcome = { status: response.status, done: false, abandoned: false, streamError: false };
  if (abandon === "before-answer") return { ...outcome, abandoned: true };
  if (!response.body) return outcome;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (abandon) {
        client.abort();
        await reader.cancel().catch(() => undefined);
        return { ...outcome, abandoned: true };
      }
    }
  } catch {
    return outcome;
  }
  return { ...outcome, done: text.endsWith("data: [DONE]\n\n"), streamError: text.includes('"error"') };
}

/** Runs `count` jobs with at most `width` at a time; answers in order. */
export async function inBatches<T>(count: number, width: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, i) => job(start + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
