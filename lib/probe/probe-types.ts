/** Bodies of the probe API (`/api/probe`), shared by the route and the catalog's details panel. */
import { z } from "zod";

/** A probe answer is capped at this many tokens: enough for a speed figure, a fraction of a cent. */
export const PROBE_MAX_TOKENS = 16;
/** What a probe asks; short, and the same every time so runs compare. */
export const PROBE_PROMPT = "Count from 1 to 10, separated by spaces.";
/**
 * Prompt tokens a probe is priced with before it runs: the prompt plus the chat template around
 * it, rounded up so the estimate is an upper bound rather than a guess that comes out low.
 */
export const PROBE_PROMPT_TOKENS_MAX = 48;

export const probeInputSchema = z.object({
  ref: z.string().trim().min(1, "Name the model to test").max(300),
});
export type ProbeInput = z.infer<typeof probeInputSchema>;

export const probeResultSchema = z.object({
  provider: z.string(),
  /** The ref that was sent: the model pinned to this provider (`id:provider`). */
  ref: z.string(),
  ok: z.boolean(),
  /** The HTTP status the backend answered with (the gateway's mapping of a failure). */
  status: z.number(),
  errorCode: z.string().nullable(),
  ttftMs: z.number().nullable(),
  totalMs: z.number(),
  tokensPerSecond: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  /** At that provider's price; null when the price or the token counts are unknown. */
  costUsd: z.number().nullable(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export const probeResponseSchema = z.object({
  ref: z.string(),
  /** The run's id in the usage ledger; null when the ledger could not record it. */
  runId: z.number().nullable(),
  at: z.number(),
  estimatedCostUsd: z.number().nullable(),
  /** What the run cost, summed over the backends whose cost is known. */
  costUsd: z.number(),
  results: z.array(probeResultSchema),
});
export type ProbeResponse = z.infer<typeof probeResponseSchema>;

/** "Measured by you": one backend's speed over its newest clean streamed answers (probes and chats). */
export const measuredBackendSchema = z.object({
  provider: z.string(),
  /** How many answers the medians are taken over (at most MEASURED_RUNS). */
  runs: z.number(),
  latestAt: z.number(),
  latestTtftMs: z.number(),
  latestTokensPerSecond: z.number().nullable(),
  medianTtftMs: z.number().nullable(),
  medianTokensPerSecond: z.number().nullable(),
});
export type MeasuredBackend = z.infer<typeof measuredBackendSchema>;

export const measuredResponseSchema = z.object({
  /** Hub id without suffix. */
  model: z.string(),
  providers: z.array(measuredBackendSchema),
});
export type MeasuredResponse = z.infer<typeof measuredResponseSchema>;

/** Medians are taken over this many newest answers per backend: recent speed is what matters. */
export const MEASURED_RUNS = 10;

/**
 * Completion tokens per second after the first token (the same rule as the usage page's speed):
 * null for one token or less, or when the answer took no time after its first token.
 */
export function tokensPerSecond(
  completionTokens: number | null,
  ttftMs: number | null,
  totalMs: number,
): number | null {
  if (completionTokens === null || ttftMs === null || completionTokens <= 1 || totalMs <= ttftMs) return null;
  return (completionTokens * 1000) / (totalMs - ttftMs);
}
