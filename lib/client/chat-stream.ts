import { createParser } from "eventsource-parser";
import { readApiError } from "@/lib/api-error";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { chatChunkSchema, createReplyAccumulator, type ReplyProgress } from "@/lib/chat/sse-chat";
import { CLIENT_HEADER } from "@/lib/usage/usage-types";

export const GATEWAY_CHAT_URL = "/api/v1/chat/completions";

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
}

/** How the gateway reached the answer, from its response headers. */
export interface ReplyRouting {
  ref: string | null;
  provider: string | null;
  fallbackAttempts: number;
  /** `ref=status, …` of the candidates that failed before. */
  fallbackErrors: string | null;
}

export interface ReplyError {
  message: string;
  status: number | null;
  code: string | null;
}

export interface StreamTimings {
  /** ms from sending to the first text (content or reasoning). */
  firstTokenMs: number | null;
  /** ms from sending to the end of the stream. */
  totalMs: number;
}

export type StreamOutcome = {
  kind: "done" | "stopped" | "error";
  progress: ReplyProgress;
  timings: StreamTimings;
  error?: ReplyError;
};

export interface StreamChatOptions {
  body: ChatRequestBody;
  signal: AbortSignal;
  /** DASHBOARD_API_KEY, when the dashboard listens beyond loopback. */
  apiKey?: string;
  onRouting?: (routing: ReplyRouting) => void;
  onProgress?: (progress: ReplyProgress, firstTokenMs: number | null) => void;
  now?: () => number;
}

function routingOf(headers: Headers): ReplyRouting {
  return {
    ref: headers.get("x-model-ref"),
    provider: headers.get("x-inference-provider"),
    fallbackAttempts: Number(headers.get("x-fallback-attempts") ?? 0) || 0,
    fallbackErrors: headers.get("x-fallback-errors"),
  };
}

async function errorOf(response: Response): Promise<ReplyError> {
  const body: unknown = await response.json().catch(() => null);
  const { message, code } = readApiError(body, `The gateway answered HTTP ${response.status}.`);
  return { message, status: response.status, code };
}

/**
 * Sends a chat request to the dashboard's gateway and reads the SSE answer as it streams,
 * reporting routing, progress and timings. Never throws: every ending is an outcome.
 */
export async function streamChat(options: StreamChatOptions): Promise<StreamOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const accumulator = createReplyAccumulator();
  let firstTokenMs: number | null = null;
  // A holder, not a `let`: it is set inside the parser's callback.
  const failure: { error: ReplyError | null } = { error: null };
  const timings = (): StreamTimings => ({ firstTokenMs, totalMs: now() - started });
  const end = (kind: StreamOutcome["kind"], error?: ReplyError): StreamOutcome => ({
    kind,
    progress: accumulator.finish(),
    timings: timings(),
    ...(error ? { error } : {}),
  });

  let response: Response;
  try {
    response = await fetch(GATEWAY_CHAT_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        // So the usage ledger tells the playground's requests from other clients'.
        [CLIENT_HEADER]: "playground",
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify({ ...options.body, stream: true, stream_options: { include_usage: true } }),
      signal: options.signal,
    });
  } catch {
    if (options.signal.aborted) return end("stopped");
    return end("error", {
      message: "The dashboard server is not reachable. Is it still running?",
      status: null,
      code: null,
    });
  }
  options.onRouting?.(routingOf(response.headers));
  if (!response.ok) return end("error", await errorOf(response));

  const parser = createParser({
    onEvent(event) {
      if (failure.error || event.data === "[DONE]") return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        failure.error = {
          message: "The answer stream contained malformed data.",
          status: null,
          code: "malformed_chunk",
        };
        return;
      }
      const parsed = chatChunkSchema.safeParse(json);
      if (!parsed.success) return;
      if (parsed.data.error !== undefined) {
        const { message, code } = readApiError(parsed.data, "The answer stream reported an error.");
        failure.error = { message, status: null, code };
        return;
      }
      const applied = accumulator.apply(parsed.data);
      if (applied.hadText && firstTokenMs === null) firstTokenMs = now() - started;
      options.onProgress?.(applied.progress, firstTokenMs);
    },
  });

  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      parser.feed(chunk.value);
      if (failure.error) {
        await reader?.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    if (options.signal.aborted) return end("stopped");
    return end("error", { message: "The connection to the dashboard broke off mid-answer.", status: null, code: null });
  }
  if (failure.error) return end("error", failure.error);
  if (options.signal.aborted) return end("stopped");
  return end("done");
}
