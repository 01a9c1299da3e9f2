import { describe, expect, it } from "vitest";
import { answerText, pieces, planReply, reasoningText, type ReplyInput } from "./reply";

const input: ReplyInput = {
  modelId: "org/M",
  provider: "together",
  lastUserText: "Hello router",
  promptChars: 40,
  style: "none",
};

describe("reply plan", () => {
  it("splits into word pieces that join back to the text", () => {
    const text = answerText("org/M", "together", "Hello router");
    expect(pieces(text).join("")).toBe(text);
    expect(text).toContain("Hello router");
    expect(text).toContain("```js");
    expect(text).toContain("- streamed word by word");
  });

  it("puts reasoning in its own field or in think tags", () => {
    expect(planReply({ ...input, style: "field" }).reasoning.join("")).toBe(reasoningText("Hello router"));
    const tagged = planReply({ ...input, style: "think-tags" });
    expect(tagged.reasoning).toEqual([]);
    expect(tagged.content.join("")).toMatch(/^<think>\nThe user wrote[\s\S]*\n<\/think>\n\nYou asked/);
  });

  it("stops at max tokens with finish reason length", () => {
    const full = planReply(input);
    expect(full.finishReason).toBe("stop");
    expect(full.usage).toEqual({
      prompt_tokens: 10,
      completion_tokens: full.content.length,
      total_tokens: 10 + full.content.length,
    });
    const cut = planReply({ ...input, style: "field", maxTokens: 5 });
    expect(cut.finishReason).toBe("length");
    expect(cut.reasoning).toHaveLength(5);
    expect(cut.content).toEqual([]);
    expect(cut.usage.completion_tokens).toBe(5);
  });
});
