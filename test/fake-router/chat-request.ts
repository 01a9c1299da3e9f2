/** Parsing of a chat completions request body and of the fake router's test headers. */
import { z } from "zod";
import type { ReasoningStyle } from "./reply";

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const message = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
});

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
type Message = z.infer<typeof message>;

function textOf(m: Message): string {
  if (typeof m.content === "string") return m.content;
  return (m.content ?? []).map((part) => part.text ?? "").join(" ");
}

export function lastUserText(request: ChatRequest): string {
  const users = request.messages.filter((m) => m.role === "user");
  const last = users[users.length - 1];
  return last ? textOf(last) : "";
}

export function promptChars(request: ChatRequest): number {
  return request.messages.reduce((sum, m) => sum + textOf(m).length, 0);
}

/**
 * How the model shows its reasoning: header `x-fake-reasoning` (think-tags,
 * reasoning-content, none) wins; ids containing "think" use tags; reasoning models use the field.
 */
export function reasoningStyle(headerValue: string | undefined, modelId: string, isReasoning: boolean): ReasoningStyle {
  if (headerValue === "think-tags") return "think-tags";
  if (headerValue === "reasoning-content") return "field";
  if (headerValue === "none") return "none";
  if (/think/i.test(modelId)) return "think-tags";
  return isReasoning ? "field" : "none";
}

/** A per-request chunk delay from `x-fake-chunk-delay-ms`, else the server default. */
export function chunkDelay(headerValue: string | undefined, fallback: number): number {
  if (headerValue === undefined || !/^\d{1,6}$/.test(headerValue.trim())) return fallback;
  return Math.min(Number(headerValue.trim()), 60_000);
}
