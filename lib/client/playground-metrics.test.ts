import { describe, expect, it } from "vitest";
import { catalogModel } from "@/test/factories/catalog-model";
import { pendingReply, requestMessages, type Reply, type Turn } from "./playground-conversation";
import { replyMetrics, tokensPerSecond } from "./playground-metrics";

const qwen = catalogModel("Qwen/Qwen3-8B", {
  builtin: true,
  reasoning: true,
  providers: [{ provider: "novita", status: "live", pricing: { input: 0.2, output: 0.8 } }],
});

const done: Reply = {
  ...pendingReply("default"),
  status: "done",
  content: "Hi",
  usage: { promptTokens: 1000, completionTokens: 100 },
  textChunks: 60,
  firstTokenMs: 250,
  totalMs: 2250,
  routing: { ref: "huggingface/Qwen/Qwen3-8B:novita", provider: "novita", fallbackAttempts: 0, fallbackErrors: null },
};

describe("replyMetrics", () => {
  it("shows first token, speed after it, tokens and the provider's cost", () => {
    expect(replyMetrics(done, [qwen])).toEqual({
      firstToken: "250 ms",
      speed: "50 tok/s",
      tokens: "1,000 in · 100 out",
      cost: "$0.00028",
      costNote: "At novita's price per 1M tokens, from the catalog.",
    });
  });

  it("says unknown rather than guessing", () => {
    const bare = { ...done, usage: null, routing: { ...done.routing!, provider: "other" } };
    expect(replyMetrics(bare, [qwen])).toMatchObject({ tokens: "—", cost: "—", speed: "≈30 tok/s" });
    expect(replyMetrics({ ...done, routing: { ...done.routing!, provider: "other" } }, [qwen]).costNote).toMatch(
      /No price/,
    );
  });
});

describe("tokensPerSecond", () => {
  it("needs a first token and some time after it", () => {
    expect(tokensPerSecond({ ...done, firstTokenMs: null })).toBeNull();
    expect(tokensPerSecond({ ...done, totalMs: 250 })).toBeNull();
    expect(tokensPerSecond({ ...done, usage: null, textChunks: 1 })).toBeNull();
  });
});

describe("requestMessages", () => {
  it("sends the system prompt, answered turns without reasoning, then the prompt", () => {
    const turns: Turn[] = [
      { id: "1", user: "Q1", reply: { ...done, content: "A1", reasoning: "secret" } },
      { id: "2", user: "Q2", reply: { ...pendingReply("x"), status: "error" } },
    ];
    expect(requestMessages(turns, " Be brief ", " Q3 ")).toEqual([
      { role: "system", content: "Be brief" },
      { role: "user", content: "Q1" },
      { role: "assistant", content: "A1" },
      { role: "user", content: "Q3" },
    ]);
  });
});
