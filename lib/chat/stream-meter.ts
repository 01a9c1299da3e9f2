/**
 * What the gateway learns from an answer as it passes through, for the usage ledger: when the
 * first text came, the token usage, how much text there was (to estimate tokens without usage).
 * It never keeps the text itself. It also removes the usage chunk the gateway asked the router
 * for when the client did not ask for it, so such a client sees the stream it expects.
 */
import { chatChunkSchema } from "./sse-chat";
import type { TokenUsage } from "./usage-cost";

export interface MeterResult {
  /** `now()` when the first content or reasoning text passed; null if none did. */
  firstTextAt: number | null;
  usage: TokenUsage | null;
  /** Characters of content and reasoning, for an estimate when the provider sent no usage. */
  textChars: number;
  /** The stream ended with `data: [DONE]`. */
  done: boolean;
  /** The router sent an error event inside the stream. */
  streamError: boolean;
}

export interface StreamMeter {
  /**
   * Takes the next piece of the stream as forwarded (normally whole events); returns the text to
   * send instead, or null to send it unchanged.
   */
  push(text: string): string | null;
  result(): MeterResult;
}

const EVENT_END = /\r\n\r\n|\n\n|\r\r/g;
/** An "event" longer than this is not an answer chunk: stop watching it rather than hold it. */
const MAX_CARRY = 1024 * 1024;

function dataOf(event: string): string | null {
  const lines = event.split(/\r\n|\n|\r/).filter((line) => line.startsWith("data:"));
  if (lines.length === 0) return null;
  return lines.map((line) => line.slice(line.startsWith("data: ") ? 6 : 5)).join("\n");
}

export function createStreamMeter(options: { stripUsage: boolean; now: () => number }): StreamMeter {
  const result: MeterResult = { firstTextAt: null, usage: null, textChars: 0, done: false, streamError: false };
  // The tail of the previous piece that did not end an event (only after a very long event).
  let carry = "";

  /** Reads one event; returns its replacement ("" drops it) or null to keep it. */
  function observe(event: string): string | null {
    const data = dataOf(event);
    if (data === null) return null;
    if (data.trim() === "[DONE]") {
      result.done = true;
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return null;
    }
    const chunk = chatChunkSchema.safeParse(json);
    if (!chunk.success) return null;
    if (chunk.data.error !== undefined) result.streamError = true;
    for (const choice of chunk.data.choices ?? []) {
      const chars =
        (choice.delta?.content?.length ?? 0) +
        (choice.delta?.reasoning_content ?? choice.delta?.reasoning ?? "").length;
      if (chars > 0 && result.firstTextAt === null) result.firstTextAt = options.now();
      result.textChars += chars;
    }
    const usage = chunk.data.usage;
    if (!usage) return null;
    result.usage = { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
    if (!options.stripUsage) return null;
    if ((chunk.data.choices ?? []).length === 0) return "";
    const { usage: _usage, ...rest } = json as Record<string, unknown>;
    return `data: ${JSON.stringify(rest)}\n\n`;
  }

  return {
    push(text) {
      const all = carry + text;
      // all[0, sent) went out with an earlier piece.
      const sent = carry.length;
      let out = "";
      let changed = false;
      let start = 0;
      const boundaries = new RegExp(EVENT_END);
      for (let match = boundaries.exec(all); match; match = boundaries.exec(all)) {
        const end = match.index + match[0].length;
        const replacement = observe(all.slice(start, end));
        if (replacement !== null && start >= sent) {
          out += replacement;
          changed = true;
        } else if (end > sent) {
          out += all.slice(Math.max(start, sent), end);
        }
        start = end;
      }
      out += all.slice(Math.max(start, sent));
      carry = all.length - start > MAX_CARRY ? "" : all.slice(start);
      return changed ? out : null;
    },
    result: () => ({ ...result }),
  };
}

/** The same facts from a whole (non-streamed) JSON answer. */
export function meterJson(text: string): Pick<MeterResult, "usage" | "textChars"> {
  try {
    const body = JSON.parse(text) as {
      usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
      choices?: { message?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown } }[];
    };
    let textChars = 0;
    for (const choice of Array.isArray(body.choices) ? body.choices : []) {
      for (const value of [choice.message?.content, choice.message?.reasoning_content ?? choice.message?.reasoning]) {
        if (typeof value === "string") textChars += value.length;
      }
    }
    const { prompt_tokens: prompt, completion_tokens: completion } = body.usage ?? {};
    const usage =
      typeof prompt === "number" && typeof completion === "number"
        ? { promptTokens: prompt, completionTokens: completion }
        : null;
    return { usage, textChars };
  } catch {
    return { usage: null, textChars: 0 };
  }
}
