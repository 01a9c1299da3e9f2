/**
 * Reading OpenAI chat-completion chunks as they stream in: content, reasoning (its own field
 * or `<think>` tags), usage and the finish reason, accumulated into what the playground shows.
 */
import { z } from "zod";
import { createThinkSplitter } from "./think-split";
import type { TokenUsage } from "./usage-cost";

const deltaSchema = z.looseObject({
  content: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  // Some providers name the field `reasoning`.
  reasoning: z.string().nullish(),
});

export const chatChunkSchema = z.looseObject({
  choices: z.array(z.looseObject({ delta: deltaSchema.nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
  error: z.unknown().optional(),
});
export type ChatChunk = z.infer<typeof chatChunkSchema>;

export interface ReplyProgress {
  content: string;
  reasoning: string;
  /** Inside an unclosed `<think>` block. */
  thinking: boolean;
  usage: TokenUsage | null;
  finishReason: string | null;
  /** Chunks that carried text: a rough token count when the provider sends no usage. */
  textChunks: number;
}

/** A reply before its first chunk. */
export const EMPTY_PROGRESS: ReplyProgress = {
  content: "",
  reasoning: "",
  thinking: false,
  usage: null,
  finishReason: null,
  textChunks: 0,
};

export function createReplyAccumulator() {
  const splitter = createThinkSplitter();
  let progress = EMPTY_PROGRESS;

  return {
    /** Applies one chunk; returns the new progress and whether it carried text. */
    apply(chunk: ChatChunk): { progress: ReplyProgress; hadText: boolean } {
      let hadText = false;
      let split = null;
      for (const choice of chunk.choices ?? []) {
        const reasoning = choice.delta?.reasoning_content ?? choice.delta?.reasoning;
        if (reasoning) split = splitter.pushReasoning(reasoning);
        const content = choice.delta?.content;
        if (content) split = splitter.push(content);
        if (reasoning || content) hadText = true;
        if (choice.finish_reason) progress = { ...progress, finishReason: choice.finish_reason };
      }
      if (split) progress = { ...progress, ...split };
      if (hadText) progress = { ...progress, textChunks: progress.textChunks + 1 };
      if (chunk.usage) {
        progress = {
          ...progress,
          usage: { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens },
        };
      }
      return { progress, hadText };
    },
    finish(): ReplyProgress {
      progress = { ...progress, ...splitter.finish() };
      return progress;
    },
  };
}
