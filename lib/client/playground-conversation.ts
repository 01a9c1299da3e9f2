/** The playground's conversation: turns of a user prompt and one model's reply, as plain data. */
import { EMPTY_PROGRESS, type ReplyProgress } from "@/lib/chat/sse-chat";
import type { ChatMessage } from "@/lib/chat/chat-message";
import type { ReplyError, ReplyRouting, StreamOutcome } from "./chat-stream";

export type ReplyStatus = "waiting" | "streaming" | "done" | "stopped" | "error";

export interface Reply extends ReplyProgress {
  /** The model as picked (a ref, an alias or `default`). */
  model: string;
  status: ReplyStatus;
  routing: ReplyRouting | null;
  firstTokenMs: number | null;
  totalMs: number | null;
  error: ReplyError | null;
}

export interface Turn {
  id: string;
  user: string;
  reply: Reply;
}

export function pendingReply(model: string): Reply {
  return {
    model,
    status: "waiting",
    ...EMPTY_PROGRESS,
    routing: null,
    firstTokenMs: null,
    totalMs: null,
    error: null,
  };
}

export function withProgress(reply: Reply, progress: ReplyProgress, firstTokenMs: number | null): Reply {
  return { ...reply, ...progress, firstTokenMs, status: "streaming" };
}

export function withOutcome(reply: Reply, outcome: StreamOutcome): Reply {
  return {
    ...reply,
    ...outcome.progress,
    status: outcome.kind,
    firstTokenMs: outcome.timings.firstTokenMs,
    totalMs: outcome.timings.totalMs,
    error: outcome.error ?? null,
  };
}

/**
 * The messages for the next request: the system prompt, every earlier turn whose reply has
 * text (reasoning is not sent back), then the new prompt.
 */
export function requestMessages(turns: readonly Turn[], system: string, prompt: string): ChatMessage[] {
  const messages: ChatMessage[] = system.trim() ? [{ role: "system", content: system.trim() }] : [];
  for (const turn of turns) {
    const answer = turn.reply.content.trim();
    if (!answer) continue;
    messages.push({ role: "user", content: turn.user }, { role: "assistant", content: answer });
  }
  if (prompt.trim()) messages.push({ role: "user", content: prompt.trim() });
  return messages;
}
