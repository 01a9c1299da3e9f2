/**
 * Server-sent events, the wire format (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * `event:` and `data:` lines, a blank line after each event; a line starting with ":" is a comment.
 */

/** One event; `data` is sent as JSON, which never holds a raw newline. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment: ignored by EventSource, but it keeps proxies and idle timers from closing the stream. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long EventSource waits before reconnecting after the stream broke (ms). */
export function sseRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}
