/**
 * When the gateway tries the next candidate model (docs/ARCHITECTURE.md, "A proxied chat"): a pure decision table,
 * kept apart from the proxy so every row is unit-tested.
 */

/** How one attempt against the router ended before the client got anything. */
export type AttemptOutcome =
  /** The router answered with a non-2xx status. */
  | { kind: "status"; status: number }
  /** DNS, refused connection, reset before the first byte. */
  | { kind: "network" }
  /**
   * No headers (and for a stream, no first event) within the first-byte timeout, or, with
   * `phase: "body"`, a plain answer that did not arrive whole within its body timeout.
   */
  | { kind: "timeout"; phase?: "first-byte" | "body" }
  /** A 2xx answer that is not what it should be: empty, not JSON, or for a stream no event stream of JSON. */
  | { kind: "bad-response" }
  /** The router answered, then its body broke off before anything reached the client. */
  | { kind: "interrupted" }
  /** The token cannot be sent in a header (e.g. the mask was saved): every candidate would fail alike. */
  | { kind: "bad-token" }
  /** The client went away: nobody is waiting for another candidate. */
  | { kind: "client-aborted" }
  /** Bytes already reached the client: a retry would splice two answers. */
  | { kind: "after-first-byte" };

/** Statuses where another model may well succeed: the model, provider or account is the problem. */
const RETRYABLE_STATUSES = new Set([402, 404, 408, 429]);

/** True when the next candidate should be tried after this outcome. */
export function shouldFallback(outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case "network":
    case "timeout":
    case "bad-response":
    case "interrupted":
      return true;
    case "bad-token":
    case "client-aborted":
    case "after-first-byte":
      return false;
    case "status":
      // 400/401/403 and other 4xx are the request's or the token's fault: every candidate would fail alike.
      return RETRYABLE_STATUSES.has(outcome.status) || (outcome.status >= 500 && outcome.status <= 599);
  }
}

/** Short label of an outcome for `x-fallback-errors` and messages: `503`, `timeout`, `network`. */
export function outcomeLabel(outcome: AttemptOutcome): string {
  return outcome.kind === "status" ? String(outcome.status) : outcome.kind;
}
