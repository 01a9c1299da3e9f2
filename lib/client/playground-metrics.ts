/** The per-reply figures the playground shows: first token, speed, tokens and estimated cost. */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatCount, formatLatency, formatThroughput, UNKNOWN } from "@/lib/format";
import { estimateCost, formatCost, priceFor } from "@/lib/chat/usage-cost";
import type { Reply } from "./playground-conversation";
import { catalogModelOf } from "./playground-models";

export interface ReplyMetrics {
  firstToken: string;
  speed: string;
  tokens: string;
  cost: string;
  /** Where the price came from, or why there is none. */
  costNote: string;
}

/**
 * Tokens per second while generating (after the first token). Without usage from the provider,
 * the number of text chunks stands in for tokens, marked as approximate.
 */
export function tokensPerSecond(
  reply: Pick<Reply, "usage" | "textChunks" | "firstTokenMs" | "totalMs">,
): { value: number; approximate: boolean } | null {
  if (reply.firstTokenMs === null || reply.totalMs === null) return null;
  const seconds = (reply.totalMs - reply.firstTokenMs) / 1000;
  if (seconds <= 0) return null;
  if (reply.usage) return { value: reply.usage.completionTokens / seconds, approximate: false };
  return reply.textChunks > 1 ? { value: (reply.textChunks - 1) / seconds, approximate: true } : null;
}

export function replyMetrics(reply: Reply, models: readonly CatalogModel[]): ReplyMetrics {
  const speed = tokensPerSecond(reply);
  const price = priceFor(catalogModelOf(reply.routing?.ref ?? null, models), reply.routing?.provider ?? null);
  const cost = estimateCost(reply.usage, price);
  const costNote = !reply.usage
    ? "The provider sent no token usage."
    : !price
      ? "No price known for this provider."
      : price.from === "provider"
        ? `At ${reply.routing?.provider}'s price per 1M tokens, from the catalog.`
        : price.from === "free"
          ? "This provider is free for this model."
          : "At the price set in your OpenClaw config.";
  return {
    firstToken: formatLatency(reply.firstTokenMs),
    speed: speed ? `${speed.approximate ? "≈" : ""}${formatThroughput(speed.value)}` : UNKNOWN,
    tokens: reply.usage
      ? `${formatCount(reply.usage.promptTokens)} in · ${formatCount(reply.usage.completionTokens)} out`
      : UNKNOWN,
    cost: formatCost(cost),
    costNote,
  };
}
