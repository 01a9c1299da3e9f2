import { describe, expect, it } from "vitest";
import { chatChunkSchema, createReplyAccumulator } from "./sse-chat";

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  chatChunkSchema.parse({ choices: [{ index: 0, delta, finish_reason: finish }] });

describe("createReplyAccumulator", () => {
  it("accumulates content, reasoning from either field, finish reason and usage", () => {
    const acc = createReplyAccumulator();
    acc.apply(chunk({ role: "assistant", content: "" }));
    expect(acc.apply(chunk({ reasoning_content: "Let me " })).hadText).toBe(true);
    acc.apply(chunk({ reasoning: "think." }));
    acc.apply(chunk({ content: "Hi" }));
    acc.apply(chunk({}, "stop"));
    const { progress } = acc.apply(
      chatChunkSchema.parse({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 } }),
    );
    expect(progress).toEqual({
      content: "Hi",
      reasoning: "Let me think.",
      thinking: false,
      usage: { promptTokens: 5, completionTokens: 9 },
      finishReason: "stop",
      textChunks: 3,
    });
  });

  it("splits <think> tags out of the content, across chunks", () => {
    const acc = createReplyAccumulator();
    acc.apply(chunk({ content: "<thi" }));
    expect(acc.apply(chunk({ content: "nk>hmm" })).progress).toMatchObject({
      reasoning: "hmm",
      thinking: true,
      content: "",
    });
    acc.apply(chunk({ content: "</think>\n\nAnswer" }));
    expect(acc.finish()).toMatchObject({ reasoning: "hmm", content: "\n\nAnswer", thinking: false });
  });

  it("does not count empty deltas as text", () => {
    expect(createReplyAccumulator().apply(chunk({ content: "" })).hadText).toBe(false);
  });
});
