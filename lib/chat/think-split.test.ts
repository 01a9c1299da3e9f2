import { describe, expect, it } from "vitest";
import { createThinkSplitter, splitThink } from "./think-split";

function feed(chunks: string[]) {
  const splitter = createThinkSplitter();
  const seen = chunks.map((chunk) => splitter.push(chunk));
  return { seen, final: splitter.finish() };
}

describe("think split", () => {
  it("separates a think block from the answer", () => {
    expect(splitThink("<think>plan it</think>The answer")).toEqual({
      content: "The answer",
      reasoning: "plan it",
      thinking: false,
    });
  });

  it("leaves text without tags alone", () => {
    expect(splitThink("2 < 3 and a <b>tag</b>")).toMatchObject({ content: "2 < 3 and a <b>tag</b>", reasoning: "" });
  });

  it("handles tags cut across chunks at every position", () => {
    const text = "<think>step one</think>Hello <world>";
    for (let i = 1; i < text.length; i++) {
      for (let j = i + 1; j < text.length; j++) {
        const { final } = feed([text.slice(0, i), text.slice(i, j), text.slice(j)]);
        expect(final, `cuts at ${i},${j}`).toMatchObject({ content: "Hello <world>", reasoning: "step one" });
      }
    }
  });

  it("streams reasoning while thinking and never shows a half tag", () => {
    const { seen } = feed(["<thi", "nk>abc</th", "ink>x"]);
    expect(seen[0]).toEqual({ content: "", reasoning: "", thinking: false });
    expect(seen[1]).toEqual({ content: "", reasoning: "abc", thinking: true });
    expect(seen[2]).toEqual({ content: "x", reasoning: "abc", thinking: false });
  });

  it("treats text before a lone closing tag as reasoning (opening tag in the prompt)", () => {
    const { seen, final } = feed(["thinking hard", "...</think>", "Answer"]);
    expect(seen[0]).toMatchObject({ content: "thinking hard" });
    expect(final).toMatchObject({ content: "Answer", reasoning: "thinking hard..." });
  });

  it("flushes a held-back partial tag at the end", () => {
    expect(feed(["a <thi"]).final).toMatchObject({ content: "a <thi", reasoning: "" });
    expect(feed(["<think>unfinished"]).final).toMatchObject({ content: "", reasoning: "unfinished", thinking: false });
  });

  it("adds reasoning_content from its own field", () => {
    const splitter = createThinkSplitter();
    splitter.pushReasoning("why ");
    splitter.pushReasoning("not");
    expect(splitter.push("ok")).toMatchObject({ content: "ok", reasoning: "why not" });
  });
});
