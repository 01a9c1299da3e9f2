import "server-only";
import type { StreamMeter } from "@/lib/chat/stream-meter";
import type { TokenUsage } from "@/lib/chat/usage-cost";
import type { LedgerAttempt, LedgerRecord } from "@/lib/server/ledger/ledger-insert";
import { afterLastEventBoundary } from "./chat-proxy-stream";

/**
 * How one client request through the gateway ended: the ledger's fields the proxy knows (never
 * any text), and what the ledger then prices (reported usage, or the estimate of what passed).
 */
export interface ProxyOutcome extends Pick<
  LedgerRecord,
  "ref" | "provider" | "status" | "errorCode" | "stream" | "fallbackAttempts" | "ttftMs"
> {
  /** Always known here (a record read back may lack it). */
  totalMs: number;
  /** As the provider reported it; null when it did not. */
  usage: TokenUsage | null;
  /** Estimated completion tokens of what passed (for when the provider sent no usage). */
  answerTokens: number;
  attempts: LedgerAttempt[];
}

const encoder = new TextEncoder();

/**
 * A `rewrite` for passThrough that feeds the meter and sends its changes. A change is applied
 * only to a piece that ends on an event boundary (a piece cut inside a long event, or inside a
 * multi-byte character, is sent as it came).
 */
export function meteredRewrite(meter: StreamMeter): (piece: Uint8Array) => Uint8Array {
  const decoder = new TextDecoder();
  return (piece) => {
    const changed = meter.push(decoder.decode(piece, { stream: true }));
    if (changed === null || afterLastEventBoundary(piece) !== piece.byteLength) return piece;
    return encoder.encode(changed);
  };
}

/**
 * Whether the meter may change a piece: only by taking out a usage chunk (for a client that did not
 * ask for it), and a usage chunk names `prompt_tokens`. An event the meter changes starts and ends
 * in the piece it changes, so the name is whole in that piece.
 */
export function meterMayChange(stripUsage: boolean): (piece: Uint8Array) => boolean {
  if (!stripUsage) return () => false;
  return (piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).includes("prompt_tokens");
}
