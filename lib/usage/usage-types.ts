/** Bodies of the usage API (`/api/usage`, `/api/usage/budget`), shared by the routes and the /usage page. */
import { z } from "zod";

/**
 * Who sent a request through the gateway: the playground (it says so in a header), OpenClaw
 * (through its own base URL), the backend probe, or any other OpenAI client ("api").
 */
export const LEDGER_CLIENTS = ["playground", "api", "openclaw", "probe"] as const;
export const ledgerClientSchema = z.enum(LEDGER_CLIENTS);
export type LedgerClient = z.infer<typeof ledgerClientSchema>;

/** The header the playground sends so its requests are labelled `playground` in the ledger. */
export const CLIENT_HEADER = "x-hf-picker-client";

/** What every total and group carries. Tokens and cost sum only what is known (unknown counts as 0). */
export const usageSumsSchema = z.object({
  requests: z.number(),
  errors: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  costUsd: z.number(),
  /** Requests whose cost is unknown (no price or no token counts): the cost above leaves them out. */
  unpricedRequests: z.number(),
});
export type UsageSums = z.infer<typeof usageSumsSchema>;

export const usageDaySchema = usageSumsSchema.extend({
  /** Local calendar day of the dashboard's machine, `YYYY-MM-DD`. */
  day: z.string(),
  /** The same day split by model (Hub id, no suffix; null for requests that never reached a model). */
  models: z.array(z.object({ model: z.string().nullable(), requests: z.number(), costUsd: z.number() })),
});
export type UsageDay = z.infer<typeof usageDaySchema>;

export const usageModelSchema = usageSumsSchema.extend({ model: z.string().nullable() });
export type UsageModel = z.infer<typeof usageModelSchema>;

export const usageProviderSchema = usageSumsSchema.extend({
  provider: z.string().nullable(),
  /** Upstream attempts on this provider (fallback attempts included) and how many of them failed. */
  attempts: z.number(),
  failedAttempts: z.number(),
  /** Median time to first token, streamed answers without fallback only. */
  medianTtftMs: z.number().nullable(),
  /** Median completion tokens per second after the first token, streamed answers with known tokens. */
  medianTokensPerSecond: z.number().nullable(),
});
export type UsageProvider = z.infer<typeof usageProviderSchema>;

export const usageBackendSchema = z.object({
  /** Hub id without suffix, and the provider that served it. */
  model: z.string(),
  provider: z.string(),
  /** Answered requests. */
  requests: z.number(),
  medianTtftMs: z.number().nullable(),
  medianTokensPerSecond: z.number().nullable(),
});
export type UsageBackend = z.infer<typeof usageBackendSchema>;

export const usageRowSchema = z.object({
  id: z.number(),
  /** ISO time the request arrived. */
  at: z.string(),
  client: ledgerClientSchema,
  /** The model as the client asked for it: a ref, a bare id, an alias, `default`, or null. */
  requested: z.string().nullable(),
  /** The ref that answered (or the last one tried when none did). */
  ref: z.string().nullable(),
  provider: z.string().nullable(),
  /** HTTP status the client got. */
  status: z.number(),
  errorCode: z.string().nullable(),
  stream: z.boolean(),
  /** From the request's arrival: until the first text, until the end. */
  ttftMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  /** True when the provider sent no usage and the tokens were estimated from the text length. */
  tokensEstimated: z.boolean(),
  costUsd: z.number().nullable(),
  fallbackAttempts: z.number(),
});
export type UsageRow = z.infer<typeof usageRowSchema>;

export const budgetStateSchema = z.object({
  dailyUsd: z.number().nullable(),
  monthlyUsd: z.number().nullable(),
  spentTodayUsd: z.number(),
  spentMonthUsd: z.number(),
  /** null when that budget is not set; never below 0. */
  remainingTodayUsd: z.number().nullable(),
  remainingMonthUsd: z.number().nullable(),
  /** Which budget currently refuses requests, if any. */
  exceeded: z.enum(["daily", "monthly"]).nullable(),
});
export type BudgetState = z.infer<typeof budgetStateSchema>;

export const ledgerHealthSchema = z.object({
  ok: z.boolean(),
  /** The database file. */
  path: z.string(),
  /** Why the ledger cannot record or read right now; safe to show. */
  error: z.string().nullable(),
  /** Requests recorded in memory and not yet written (kept while the database is unavailable). */
  pending: z.number(),
  /** Requests lost because too many waited for an unavailable database. */
  dropped: z.number(),
  retentionDays: z.number(),
});
export type LedgerHealth = z.infer<typeof ledgerHealthSchema>;

export const usageResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: usageSumsSchema,
  byDay: z.array(usageDaySchema),
  byModel: z.array(usageModelSchema),
  byProvider: z.array(usageProviderSchema),
  byBackend: z.array(usageBackendSchema),
  recent: z.array(usageRowSchema),
  budget: budgetStateSchema,
  ledger: ledgerHealthSchema,
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;

const MAX_BUDGET_USD = 1_000_000;
const budgetAmount = z
  .number({ message: "must be a number of US dollars, or null to clear it" })
  .positive("must be more than 0 (use null to clear it)")
  .max(MAX_BUDGET_USD, `must be at most ${MAX_BUDGET_USD}`)
  .nullable();

export const budgetInputSchema = z.object({ dailyUsd: budgetAmount, monthlyUsd: budgetAmount });
export type BudgetInput = z.infer<typeof budgetInputSchema>;

export const budgetResponseSchema = z.object({ budget: budgetStateSchema });
