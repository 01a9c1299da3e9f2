/**
 * What the gateway learns from an answer as it passes through, for the usage ledger: when the
 * first text came, the token usage, how many chunks carried text (to estimate tokens without usage).
 * It never keeps the text itself. It also removes the usage chunk the gateway asked the router
 * for when the client did not ask for it, so such a client sees the stream it expects.
 */
import type { TokenUsage } from "./usage-cost";

export interface MeterResult {
  /** `now()` when the first content or reasoning text passed; null if none did. */
  firstTextAt: number | null;
  usage: TokenUsage | null;
  /**
   * Chunks that carried content or reasoning: about one token each, the estimate when the
   * provider sends no usage (the playground uses the same).
   */
  textChunks: number;
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
/** Events that need a full parse: usage, errors. */
const MAY_MATTER = /"usage"\s*:\s*\{|"error"/;
/** A non-empty content or reasoning string. */
const HAS_TEXT = /"(?:content|reasoning_content|reasoning)"\s*:\s*"(?!")/;
/** An "event" longer than this is not an answer chunk: stop watching it rather than hold it. */
const MAX_CARRY = 1024 * 1024;

/** `data: …` on one line, then the blank line: how routers send nearly every event. */
const SINGLE_DATA_LINE = /^data: ?([^\r\n]*)(?:\r\n|\n|\r){2}$/;

function dataOf(event: string): string | null {
  // Nearly every event: one regex match instead of splitting, filtering and joining lines.
  const single = SINGLE_DATA_LINE.exec(event);
  if (single) return single[1] as string;
  const lines = event.split(/\r\n|\n|\r/).filter((line) => line.startsWith("data:"));
  if (lines.length === 0) return null;
  return lines.map((line) => line.slice(line.startsWith("data: ") ? 6 : 5)).join("\n");
}

/** A data event someone already parsed (the gateway's first-event check): its payload and what it parsed to. */
export interface ParsedEvent {
  data: string;
  json: unknown;
}

export function createStreamMeter(options: {
  stripUsage: boolean;
  now: () => number;
  /** The stream's first data event, already parsed: not parsed a second time. */
  parsed?: ParsedEvent;
}): StreamMeter {
  const result: MeterResult = { firstTextAt: null, usage: null, textChunks: 0, done: false, streamError: false };
  let known = options.parsed ?? null;
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
    // Past the first text, most events are one more piece of text: counted without parsing them.
    if (result.firstTextAt !== null && !MAY_MATTER.test(data)) {
      if (HAS_TEXT.test(data)) result.textChunks += 1;
      return null;
    }
    let json: unknown;
    if (known !== null && data === known.data) {
      json = known.json;
      known = null;
    } else {
      try {
        json = JSON.parse(data);
      } catch {
        return null;
      }
    }
    // Read by hand rather than with the chunk schema: this runs for every event of every answer.
    if (typeof json !== "object" || json === null) return null;
    const chunk = json as { choices?: unknown; usage?: unknown; error?: unknown };
    if (chunk.error !== undefined && chunk.error !== null) result.streamError = true;
    const choices = Array.isArray(chunk.choices) ? (chunk.choices as { delta?: Record<string, unknown> | null }[]) : [];
    const hasText = choices.some((choice) => {
      const delta = choice?.delta;
      const reasoning = delta?.reasoning_content ?? delta?.reasoning;
      return (
        (typeof delta?.content === "string" && delta.content !== "") ||
        (typeof reasoning === "string" && reasoning !== "")
      );
    });
    if (hasText) {
      result.firstTextAt ??= options.now();
      result.textChunks += 1;
    }
    const usage = chunk.usage as { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
    if (!usage || typeof usage.prompt_tokens !== "number" || typeof usage.completion_tokens !== "number") return null;
    result.usage = { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
    if (!options.stripUsage) return null;
    if (choices.length === 0) return "";
    const { usage: _usage, ...rest } = chunk;
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
      // One module-level regex, rewound: push runs for every piece of every answer, and never re-enters.
      const boundaries = EVENT_END;
      boundaries.lastIndex = 0;
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
export function meterJson(text: string): { usage: TokenUsage | null; textChars: number } {
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
