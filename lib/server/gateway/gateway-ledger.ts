import "server-only";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { estimateCost, estimateTokens, priceForRef, type TokenUsage } from "@/lib/chat/usage-cost";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import type { IncomingRequest } from "@/lib/server/http/incoming-request";
import { getLedger } from "@/lib/server/ledger/ledger";
import type { LedgerRecord } from "@/lib/server/ledger/ledger-insert";
import type { LedgerService } from "@/lib/server/ledger/ledger-service";
import type { BudgetGuard } from "@/lib/server/ledger/ledger-budget";
import { CLIENT_HEADER, type LedgerClient } from "@/lib/usage/usage-types";
import type { ProxyOutcome } from "./chat-proxy-outcome";
import { gatewayError, gatewayErrorResponse, type GatewayError } from "./upstream-errors";

/** What the gateway knows about a request before it is sent: never its text, only its length. */
export interface RequestFacts {
  /** Epoch ms the request arrived. */
  at: number;
  client: LedgerClient;
  requested: string | null;
  /** Characters of the messages, for a token estimate when the provider sends no usage. */
  promptChars: number;
  /** The probe run a probe request belongs to. */
  probeRun?: number | null;
}

/**
 * Who is asking: the playground names itself in a header, the OpenClaw route passes `openclaw`,
 * everything else is an API client. Only those two labels may be claimed by a header.
 */
export function clientOf(request: IncomingRequest, fallback: LedgerClient = "api"): LedgerClient {
  // A string comparison, not a schema parse: this runs for every chat.
  return request.headers.get(CLIENT_HEADER) === "playground" ? "playground" : fallback;
}

/** Characters of text in the messages (string contents and text parts). */
export function promptCharsOf(messages: readonly Record<string, unknown>[]): number {
  let chars = 0;
  for (const message of messages) {
    const content = message.content;
    if (typeof content === "string") chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content as unknown[]) {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === "string") chars += text.length;
      }
    }
  }
  return chars;
}

/** How long the catalog's prices are reused for pricing requests (the live list itself changes far less often). */
const PRICES_TTL_MS = 30_000;
let prices: { models: CatalogModel[]; at: number } | null = null;

/** The catalog's models for pricing, re-read at most every 30 s: merging the catalog per request is wasted work. */
async function pricedModels(): Promise<CatalogModel[]> {
  if (prices && Date.now() - prices.at < PRICES_TTL_MS) return prices.models;
  const models = (await getCatalog()).models;
  prices = { models, at: Date.now() };
  return models;
}

function tokensOf(outcome: ProxyOutcome, facts: RequestFacts): { usage: TokenUsage | null; estimated: boolean } {
  if (outcome.usage) return { usage: outcome.usage, estimated: false };
  // An answer came (or began) without usage: estimate from the lengths, and say so.
  if (outcome.status < 300 && (outcome.answerTokens > 0 || outcome.errorCode === null)) {
    return {
      usage: { promptTokens: estimateTokens(facts.promptChars), completionTokens: outcome.answerTokens },
      estimated: true,
    };
  }
  return { usage: null, estimated: false };
}

/** The ledger row of an outcome, priced at the answering provider's current price. */
export async function priceOutcome(facts: RequestFacts, outcome: ProxyOutcome): Promise<LedgerRecord> {
  const { usage, estimated } = tokensOf(outcome, facts);
  const models = usage ? await pricedModels() : [];
  const price = priceForRef(models, outcome.ref, outcome.provider);
  return {
    at: facts.at,
    client: facts.client,
    requested: facts.requested,
    ref: outcome.ref,
    provider: outcome.provider,
    status: outcome.status,
    errorCode: outcome.errorCode,
    stream: outcome.stream,
    fallbackAttempts: outcome.fallbackAttempts,
    ttftMs: outcome.ttftMs,
    totalMs: outcome.totalMs,
    promptTokens: usage?.promptTokens ?? null,
    completionTokens: usage?.completionTokens ?? null,
    tokensEstimated: estimated,
    costUsd: estimateCost(usage, price),
    priceInput: price?.pricing.input ?? null,
    priceOutput: price?.pricing.output ?? null,
    attempts: outcome.attempts,
    probeRun: facts.probeRun ?? null,
  };
}

/**
 * Prices the outcome and queues it in the ledger. Runs after the answer ended and never throws:
 * a chat does not depend on its bookkeeping.
 */
export async function recordOutcome(ledger: LedgerService, facts: RequestFacts, outcome: ProxyOutcome): Promise<void> {
  try {
    ledger.record(await priceOutcome(facts, outcome));
  } catch (error) {
    console.warn("[gateway] could not record the request in the usage ledger:", error);
  }
}

/** Records a request the gateway answered itself (budget, no token, unknown model) before any upstream try. */
export function recordRefusal(ledger: LedgerService, facts: RequestFacts, error: GatewayError, stream: boolean): void {
  void recordOutcome(ledger, facts, {
    ref: null,
    provider: null,
    status: error.status,
    errorCode: error.body.error.code,
    stream,
    fallbackAttempts: 0,
    ttftMs: null,
    totalMs: Date.now() - facts.at,
    usage: null,
    answerTokens: 0,
    attempts: [],
  });
}

/**
 * The refusal when a daily or monthly budget is used up: 402 (payment required), which OpenAI
 * SDKs do not retry (they do retry 429), with OpenAI's `insufficient_quota` type.
 */
export function budgetError(budget: BudgetGuard): GatewayError | null {
  try {
    const refusal = budget.check();
    return refusal ? gatewayError(402, "insufficient_quota", "budget_exceeded", refusal.message) : null;
  } catch (error) {
    console.warn("[gateway] budget check failed; the request goes through:", error);
    return null;
  }
}

/**
 * Everything the chat route needs to record one request: its facts (taken now, before anything
 * is sent), a refusal that is recorded too, the budget check, and the listener for the outcome.
 */
export function requestRecorder(
  request: IncomingRequest,
  body: { model?: string | null; messages: readonly Record<string, unknown>[]; stream?: boolean | null },
  client: LedgerClient = "api",
  ledger: { service: LedgerService; budget: BudgetGuard } = getLedger(),
) {
  const facts: RequestFacts = {
    at: Date.now(),
    client: clientOf(request, client),
    requested: body.model ?? null,
    promptChars: promptCharsOf(body.messages),
  };
  return {
    facts,
    refuse(error: GatewayError): Response {
      recordRefusal(ledger.service, facts, error, body.stream === true);
      return gatewayErrorResponse(error);
    },
    overBudget: () => budgetError(ledger.budget),
    onFinished: (outcome: ProxyOutcome) => void recordOutcome(ledger.service, facts, outcome),
  };
}
