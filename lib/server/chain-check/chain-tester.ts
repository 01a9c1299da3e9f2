import "server-only";
import { createParser } from "eventsource-parser";
import { CHAIN_TEST_MAX_TOKENS, CHAIN_TEST_PROMPT, chainVerdict } from "@/lib/catalog/chain-test";
import type { ChainTest, ChainTestResult } from "@/lib/catalog/chain-types";
import { outcomeLabel, shouldFallback } from "@/lib/chat/fallback-decision";
import { chatChunkSchema } from "@/lib/chat/sse-chat";
import { upstreamModelId } from "@/lib/refs";
import { attemptChat } from "@/lib/server/gateway/chat-proxy-attempt";
import { mapFailure } from "@/lib/server/gateway/upstream-errors";
import type { UpstreamReader } from "@/lib/server/gateway/upstream-http";

export interface ChainTesterInput {
  candidates: readonly { ref: string; position: number }[];
  token: string;
  /** e.g. https://router.huggingface.co/v1 */
  routerUrl: string;
  /** Until the first byte, and again for the rest of the (tiny) answer. */
  timeoutMs: number;
  /** The page's request: closing it stops the test. */
  signal: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/** True when an SSE chunk carries answer or reasoning text. */
function hasText(data: string): boolean {
  try {
    const chunk = chatChunkSchema.safeParse(JSON.parse(data));
    return (
      chunk.success &&
      (chunk.data.choices ?? []).some((c) => c.delta?.content || c.delta?.reasoning_content || c.delta?.reasoning)
    );
  } catch {
    return false;
  }
}

/** Reads the rest of a tiny streamed answer, noting when its first token came; gives up after `limitMs`. */
async function readAnswer(
  first: Uint8Array,
  reader: UpstreamReader,
  limitMs: number,
  now: () => number,
): Promise<number | null> {
  let firstText: number | null = null;
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(event) {
      if (firstText === null && event.data !== "[DONE]" && hasText(event.data)) firstText = now();
    },
  });
  parser.feed(decoder.decode(first, { stream: true }));
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), limitMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    // Cut off or cancelled after the first byte: the candidate still answered.
  } finally {
    clearTimeout(timer);
  }
  return firstText;
}

async function testOne(ref: string, position: number, input: ChainTesterInput): Promise<ChainTestResult> {
  const now = input.now ?? Date.now;
  const started = now();
  const result = await attemptChat({
    url: `${input.routerUrl}/chat/completions`,
    token: input.token,
    body: {
      model: upstreamModelId(ref),
      messages: [{ role: "user", content: CHAIN_TEST_PROMPT }],
      max_tokens: CHAIN_TEST_MAX_TOKENS,
      stream: true,
    },
    stream: true,
    clientSignal: input.signal,
    timeoutMs: input.timeoutMs,
    fetchImpl: input.fetchImpl,
  });
  if (!result.ok) {
    const message = mapFailure(result.outcome, {
      ref,
      upstreamText: result.upstreamText,
      retryAfter: result.retryAfter,
      timeoutMs: input.timeoutMs,
    }).body.error.message;
    return {
      ref,
      position,
      ok: false,
      status: result.status ?? null,
      outcome: outcomeLabel(result.outcome),
      message,
      provider: result.provider ?? null,
      ttftMs: null,
      totalMs: now() - started,
      fallsBack: shouldFallback(result.outcome),
    };
  }
  const provider = result.upstream.header("x-inference-provider");
  const firstText =
    result.reader && result.first ? await readAnswer(result.first, result.reader, input.timeoutMs, now) : null;
  return {
    ref,
    position,
    ok: true,
    status: result.upstream.status,
    outcome: "ok",
    message: null,
    provider,
    ttftMs: firstText === null ? null : firstText - started,
    totalMs: now() - started,
    fallsBack: false,
  };
}

/**
 * "Test the chain": one tiny streamed request through each candidate in order, with the gateway's
 * own attempt code, so each result is what the gateway would meet; then the verdict (which one a
 * real request would get its answer from, and why the others would not).
 */
export async function testChain(input: ChainTesterInput): Promise<ChainTest> {
  const results: ChainTestResult[] = [];
  for (const { ref, position } of input.candidates) {
    if (input.signal.aborted) break;
    results.push(await testOne(ref, position, input));
  }
  return { results, verdict: chainVerdict(results) };
}
