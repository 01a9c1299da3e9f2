/**
 * The deterministic answer: echoes the start of the last user message and carries a list
 * and a code block so Markdown rendering shows. Split into word pieces, one per "token".
 */

export type ReasoningStyle = "none" | "field" | "think-tags";

export interface ReplyPlan {
  /** Pieces streamed as `delta.reasoning_content` (style "field"). */
  reasoning: string[];
  /** Pieces streamed as `delta.content` (with `<think>` pieces first for style "think-tags"). */
  content: string[];
  finishReason: "stop" | "length";
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export interface ReplyInput {
  modelId: string;
  provider: string;
  lastUserText: string;
  promptChars: number;
  style: ReasoningStyle;
  maxTokens?: number;
}

/** Splits text into word pieces whose concatenation is the text itself. */
export function pieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

function excerpt(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "(an empty message)";
  return words.slice(0, 16).join(" ") + (words.length > 16 ? " …" : "");
}

export function answerText(modelId: string, provider: string, lastUserText: string): string {
  return [
    `You asked: "${excerpt(lastUserText)}"`,
    "",
    `This answer comes from the **fake router** (model \`${modelId}\`, provider \`${provider}\`), so it is the same every time:`,
    "",
    "- streamed word by word",
    "- rendered as *Markdown*",
    "- easy to check in tests",
    "",
    "```js",
    `const reply = await client.chat.completions.create({ model: "${modelId}", messages });`,
    "console.log(reply.choices[0].message.content);",
    "```",
    "",
    "Done.",
  ].join("\n");
}

export function reasoningText(lastUserText: string): string {
  return `The user wrote "${excerpt(lastUserText)}". I will answer briefly with a short list and a code sample, since this is a test reply.`;
}

export function planReply(input: ReplyInput): ReplyPlan {
  const answer = pieces(answerText(input.modelId, input.provider, input.lastUserText));
  const thoughts = input.style === "none" ? [] : pieces(reasoningText(input.lastUserText));
  const limit = input.maxTokens ?? Infinity;
  const total = thoughts.length + answer.length;
  const reasoning = input.style === "field" ? thoughts.slice(0, limit) : [];
  const answerBudget = Math.max(0, limit - (input.style === "none" ? 0 : thoughts.length));
  const shownAnswer = answer.slice(0, answerBudget);
  const content =
    input.style === "think-tags"
      ? [
          "<think>\n",
          ...thoughts.slice(0, limit),
          ...(limit >= thoughts.length ? ["\n</think>\n\n"] : []),
          ...shownAnswer,
        ]
      : shownAnswer;
  const completion = Math.min(total, limit);
  const prompt = Math.max(1, Math.ceil(input.promptChars / 4));
  return {
    reasoning,
    content,
    finishReason: total > limit ? "length" : "stop",
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}
