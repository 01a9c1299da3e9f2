/** The chain check's bodies (README, "Chain check"): shared by the route, the client and the settings page. */
import { z } from "zod";
import { catalogSourceSchema } from "./catalog-types";

/** `POST /api/settings/check` and `…/check/test`: the chain to check; an empty body means the saved file. */
export const chainInputSchema = z.object({
  primary: z.string().nullable(),
  fallbacks: z.array(z.string()),
});
export type ChainInput = z.infer<typeof chainInputSchema>;

export const chainFindingCodeSchema = z.enum([
  "invalid-ref",
  "no-primary",
  "no-fallbacks",
  "catalog-not-live",
  "not-in-catalog",
  "not-routed",
  "pinned-backend-error",
  "pinned-backend-missing",
  "missing-capability",
  "smaller-context",
  "same-model-as-primary",
  "same-model-twice",
]);
export type ChainFindingCode = z.infer<typeof chainFindingCodeSchema>;

export const chainFindingSchema = z.object({
  code: chainFindingCodeSchema,
  /** `error`: this entry would fail; `warning`: it would answer worse than expected; `info`: worth knowing. */
  severity: z.enum(["error", "warning", "info"]),
  /** The entry it is about (as sent, canonical when it parses); null for the chain as a whole. */
  ref: z.string().nullable(),
  /** 0 = the primary, 1 = the first fallback, …; null for the chain as a whole. */
  position: z.number().int().nullable(),
  message: z.string(),
});
export type ChainFinding = z.infer<typeof chainFindingSchema>;

export const chainCandidateSchema = z.object({
  ref: z.string(),
  position: z.number().int(),
  /** What the page calls it (alias or model name). */
  label: z.string(),
  contextWindow: z.number().nullable(),
  /** USD per 1M tokens for the backend it would use (least favourable when the router chooses); null when unknown. */
  cost: z.object({ input: z.number(), output: z.number() }).nullable(),
  tools: z.boolean().nullable(),
  vision: z.boolean(),
  reasoning: z.boolean(),
});
export type ChainCandidate = z.infer<typeof chainCandidateSchema>;

export const chainTestEstimateSchema = z.object({
  requests: z.number().int(),
  maxTokens: z.number().int(),
  /** The most the test can cost (USD), over the candidates whose price is known. */
  maxUsd: z.number(),
  /** Candidates without a known price: their share is not in `maxUsd`. */
  unpriced: z.array(z.string()),
});
export type ChainTestEstimate = z.infer<typeof chainTestEstimateSchema>;

export const chainCheckSchema = z.object({
  catalogSource: catalogSourceSchema,
  candidates: z.array(chainCandidateSchema),
  findings: z.array(chainFindingSchema),
  estimate: chainTestEstimateSchema,
});
export type ChainCheck = z.infer<typeof chainCheckSchema>;

export const chainTestResultSchema = z.object({
  ref: z.string(),
  position: z.number().int(),
  ok: z.boolean(),
  /** HTTP status of the router's answer; null when none came (network error, timeout). */
  status: z.number().nullable(),
  /** `ok`, a status such as `503`, `timeout`, `network`, `bad-response`. */
  outcome: z.string(),
  /** What went wrong, in the gateway's words (never the router's raw text); null when ok. */
  message: z.string().nullable(),
  /** The backend that answered (`x-inference-provider`). */
  provider: z.string().nullable(),
  /** Time to the first token of the answer (reasoning counts), ms. */
  ttftMs: z.number().nullable(),
  totalMs: z.number(),
  /** Whether the gateway would move on to the next candidate after this outcome. */
  fallsBack: z.boolean(),
});
export type ChainTestResult = z.infer<typeof chainTestResultSchema>;

export const chainVerdictSchema = z.object({
  /** The candidate a real request would get its answer from; null when none would. */
  answeredBy: z.string().nullable(),
  /** One line per candidate, in order: why it would or would not answer. */
  reasons: z.array(z.object({ ref: z.string(), position: z.number().int(), reason: z.string() })),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

export const chainTestSchema = z.object({
  results: z.array(chainTestResultSchema),
  verdict: chainVerdictSchema,
});
export type ChainTest = z.infer<typeof chainTestSchema>;
