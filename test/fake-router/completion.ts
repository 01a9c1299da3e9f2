/**
 * Writes a planned reply as an OpenAI chat completion: one JSON body, or an SSE stream
 * with a pause between chunks. The "drop" and "malformed" faults cut or corrupt it.
 */
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { ReplyPlan } from "./reply";

export interface CompletionMeta {
  id: string;
  model: string;
  created: number;
  /** Non-stream answers carry `message.reasoning_content` (reasoning style "field"). */
  withReasoningField: boolean;
}

export interface StreamOptions {
  delayMs: number;
  signal: AbortSignal;
  fault?: "drop" | "malformed";
  /** Called just before the socket is cut on purpose, so it is not taken for a client abort. */
  onDrop(): void;
}

export function completionBody(plan: ReplyPlan, meta: CompletionMeta): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: plan.content.join("") };
  if (meta.withReasoningField) message.reasoning_content = plan.reasoning.join("");
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: plan.usage,
  };
}

function chunk(meta: CompletionMeta, delta: Record<string, unknown>, finishReason: string | null): string {
  return JSON.stringify({
    id: meta.id,
    object: "chat.completion.chunk",
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
}

/** Every `data:` payload of the stream, in order, `[DONE]` included. */
export function streamPayloads(plan: ReplyPlan, meta: CompletionMeta, includeUsage: boolean): string[] {
  const payloads = [
    chunk(meta, { role: "assistant", content: "" }, null),
    ...plan.reasoning.map((text) => chunk(meta, { reasoning_content: text }, null)),
    ...plan.content.map((text) => chunk(meta, { content: text }, null)),
    chunk(meta, {}, plan.finishReason),
  ];
  if (includeUsage) {
    payloads.push(
      JSON.stringify({
        id: meta.id,
        object: "chat.completion.chunk",
        created: meta.created,
        model: meta.model,
        choices: [],
        usage: plan.usage,
      }),
    );
  }
  payloads.push("[DONE]");
  return payloads;
}

export async function writeStream(res: ServerResponse, payloads: string[], options: StreamOptions): Promise<void> {
  let events = payloads;
  if (options.fault === "malformed") events = [...payloads.slice(0, 2), "{not json", "[DONE]"];
  if (options.fault === "drop") events = payloads.slice(0, 2);

  try {
    for (const [i, payload] of events.entries()) {
      if (i > 0) await sleep(options.delayMs, undefined, { signal: options.signal });
      if (options.signal.aborted) return;
      res.write(`data: ${payload}\n\n`);
    }
    if (options.fault === "drop") {
      await sleep(options.delayMs, undefined, { signal: options.signal });
      options.onDrop();
      res.socket?.destroy();
      return;
    }
    res.end();
  } catch (error) {
    // The client went away mid-stream: nothing left to send.
    if (!options.signal.aborted) throw error;
  }
}
