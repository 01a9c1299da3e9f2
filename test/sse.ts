/** Server-sent event bodies for tests of code that reads the gateway's chat stream. */

const encoder = new TextEncoder();

function frames(events: readonly unknown[]): string {
  return events.map((e) => `data: ${typeof e === "string" ? e : JSON.stringify(e)}\n\n`).join("");
}

/** A finished stream of `data:` events (strings as they are, objects as JSON); `split` cuts it into 7-byte pieces. */
export function sseStream(events: readonly unknown[], { split = false } = {}): ReadableStream<Uint8Array> {
  const text = frames(events);
  const pieces = split ? (text.match(/[\s\S]{1,7}/g) ?? []) : [text];
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

/** A stream that sends `events` and then stays open until `signal` aborts, as a slow answer does. */
export function openSseStream(events: readonly unknown[], signal: AbortSignal): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(frames(events)));
      signal.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
    },
  });
}

/** An OpenAI chat chunk carrying `delta`. */
export function chatDelta(delta: Record<string, unknown>, finish: string | null = null) {
  return { choices: [{ index: 0, delta, finish_reason: finish }] };
}
