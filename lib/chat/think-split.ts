/**
 * Splits `<think>…</think>` reasoning out of streamed content, chunk by chunk.
 * A tag may be cut across chunks, so a possible tag prefix at the end is held back until the
 * next chunk (or `finish`) decides. Some providers drop the opening tag (the chat template
 * already put it in the prompt): a `</think>` with no `<think>` before it turns everything
 * said so far into reasoning.
 */

const OPEN = "<think>";
const CLOSE = "</think>";

export interface ThinkSplit {
  content: string;
  reasoning: string;
  /** True while inside an unclosed `<think>`. */
  thinking: boolean;
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(-n))) return n;
  }
  return 0;
}

export function createThinkSplitter() {
  let content = "";
  let reasoning = "";
  let thinking = false;
  let sawOpen = false;
  let pending = "";

  const state = (): ThinkSplit => ({ content, reasoning, thinking });

  function consume(final: boolean): void {
    while (pending !== "") {
      const tag = thinking ? CLOSE : OPEN;
      const at = pending.indexOf(tag);
      // Outside a think block a lone closing tag also matters (see the file comment).
      const closeAt = !thinking && !sawOpen ? pending.indexOf(CLOSE) : -1;
      if (closeAt !== -1 && (at === -1 || closeAt < at)) {
        reasoning += content + pending.slice(0, closeAt);
        content = "";
        sawOpen = true;
        pending = pending.slice(closeAt + CLOSE.length);
        continue;
      }
      if (at !== -1) {
        if (thinking) reasoning += pending.slice(0, at);
        else content += pending.slice(0, at);
        thinking = !thinking;
        sawOpen = true;
        pending = pending.slice(at + tag.length);
        continue;
      }
      const lonelyClose = !thinking && !sawOpen ? partialTagLength(pending, CLOSE) : 0;
      const hold = final ? 0 : Math.max(partialTagLength(pending, tag), lonelyClose);
      const ready = pending.slice(0, pending.length - hold);
      if (thinking) reasoning += ready;
      else content += ready;
      pending = pending.slice(ready.length);
      break;
    }
  }

  return {
    /** Adds a chunk of content; returns the whole split so far. */
    push(chunk: string): ThinkSplit {
      pending += chunk;
      consume(false);
      return state();
    },
    /** Adds reasoning that came in its own field (`delta.reasoning_content`). */
    pushReasoning(chunk: string): ThinkSplit {
      reasoning += chunk;
      return state();
    },
    /** The stream ended: whatever was held back is plain text. */
    finish(): ThinkSplit {
      consume(true);
      thinking = false;
      return state();
    },
  };
}

/** Splits a complete text at once. */
export function splitThink(text: string): ThinkSplit {
  const splitter = createThinkSplitter();
  splitter.push(text);
  return splitter.finish();
}
