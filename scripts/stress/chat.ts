/** Streamed chats through the dashboard's gateway, for the stream scenarios. */
import type { Target } from "./types";

export const STREAM_MODEL = "huggingface/Qwen/Qwen3-8B";

export interface StreamOutcome {
  status: number;
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
  /** The client went away after the first chunk, as asked. */
  abandoned: boolean;
  /** An error event inside the stream (e.g. stream_interrupted). */
  streamError: boolean;
}

/** One streamed chat; with `abandon`, the client aborts right after the first chunk. */
export async function streamChat(target: Target, index: number, abandon: boolean): Promise<StreamOutcome> {
  const client = new AbortController();
  const response = await target.fetch("/api/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: STREAM_MODEL,
      stream: true,
      max_tokens: 32,
      messages: [{ role: "user", content: `Stress request ${index}: tell me about streams.` }],
    }),
    signal: client.signal,
  });
  const outcome: StreamOutcome = { status: response.status, done: false, abandoned: false, streamError: false };
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
