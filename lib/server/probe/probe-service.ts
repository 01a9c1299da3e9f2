import "server-only";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { parseRef } from "@/lib/refs";
import { estimateProbe } from "@/lib/probe/probe-estimate";
import {
  PROBE_MAX_TOKENS,
  PROBE_PROMPT,
  tokensPerSecond,
  type ProbeResponse,
  type ProbeResult,
} from "@/lib/probe/probe-types";
import { proxyChat } from "@/lib/server/gateway/chat-proxy";
import type { ProxyOutcome } from "@/lib/server/gateway/chat-proxy-outcome";
import { budgetError, priceOutcome, type RequestFacts } from "@/lib/server/gateway/gateway-ledger";
import { AppError } from "@/lib/server/http/errors";
import type { BudgetGuard } from "@/lib/server/ledger/ledger-budget";
import { insertProbeRun } from "@/lib/server/ledger/ledger-probe";
import type { LedgerService } from "@/lib/server/ledger/ledger-service";

export interface ProbeDeps {
  models: readonly CatalogModel[];
  ledger: { service: LedgerService; budget: BudgetGuard };
  token: string | null;
  routerUrl: string;
  /** Per backend, until its first byte. */
  timeoutMs: number;
  signal: AbortSignal;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

const PROBE_BODY = {
  messages: [{ role: "user", content: PROBE_PROMPT }],
  max_tokens: PROBE_MAX_TOKENS,
  stream: true,
  stream_options: { include_usage: true },
};

/** Time allowed for a probe's whole answer once it started: a few tokens take well under this. */
const PROBE_ANSWER_TIMEOUT_MS = 30_000;

function findModel(models: readonly CatalogModel[], ref: string): CatalogModel {
  let id: string;
  try {
    id = parseRef(ref).id;
  } catch (error) {
    throw new AppError("invalid_ref", error instanceof Error ? error.message : `Not a model ref: ${ref}`);
  }
  const model = models.find((m) => m.id === id);
  if (!model) throw new AppError("not_found", `${id} is not in the catalog: there is no backend to test.`);
  return model;
}

/** Sends the probe to one backend through the gateway's own path (no fallback: one candidate). */
async function probeOne(ref: string, deps: ProbeDeps, token: string): Promise<ProxyOutcome> {
  const now = deps.now ?? Date.now;
  let finished!: (outcome: ProxyOutcome) => void;
  const outcome = new Promise<ProxyOutcome>((resolve) => (finished = resolve));
  const response = await proxyChat({
    candidates: [ref],
    body: { ...PROBE_BODY, model: ref },
    token,
    routerUrl: deps.routerUrl,
    signal: AbortSignal.any([deps.signal, AbortSignal.timeout(deps.timeoutMs + PROBE_ANSWER_TIMEOUT_MS)]),
    firstByteTimeoutMs: deps.timeoutMs,
    plainTimeoutMs: deps.timeoutMs,
    fetchImpl: deps.fetchImpl,
    startedAt: now(),
    now,
    onFinished: finished,
  });
  // Reading the answer to its end is what ends the stream (and so reports the outcome).
  await response.arrayBuffer().catch(() => undefined);
  return outcome;
}

function resultOf(provider: string, outcome: ProxyOutcome, costUsd: number | null, ref: string): ProbeResult {
  const completionTokens = outcome.usage?.completionTokens ?? null;
  return {
    provider,
    ref,
    ok: outcome.status < 300 && outcome.errorCode === null,
    status: outcome.status,
    errorCode: outcome.errorCode,
    ttftMs: outcome.ttftMs,
    totalMs: outcome.totalMs,
    tokensPerSecond: tokensPerSecond(completionTokens, outcome.ttftMs, outcome.totalMs),
    promptTokens: outcome.usage?.promptTokens ?? null,
    completionTokens,
    costUsd,
  };
}

/**
 * "Test every backend": one tiny streamed request to each live provider of the model, all at
 * once, each pinned (`id:provider`) so no fallback hides a failing one. Each is recorded in the
 * usage ledger as a `probe` request of one run, priced like any other request.
 */
export async function runProbe(ref: string, deps: ProbeDeps): Promise<ProbeResponse> {
  const model = findModel(deps.models, ref);
  const estimate = estimateProbe(model);
  if (estimate.providers.length === 0) {
    throw new AppError("bad_request", `${model.id} has no live backend right now: there is nothing to test.`);
  }
  const overBudget = budgetError(deps.ledger.budget);
  if (overBudget) throw new AppError("budget_exceeded", overBudget.body.error.message);
  if (!deps.token) {
    throw new AppError("no_token", "No Hugging Face token is set: add one on the Settings page to test backends.");
  }
  const token = deps.token;
  const at = (deps.now ?? Date.now)();
  let runId: number | null = null;
  try {
    runId = deps.ledger.service.write((db) =>
      insertProbeRun(db, {
        at,
        ref: model.ref,
        estimatedCostUsd: estimate.maxCostUsd,
        backends: estimate.providers.length,
      }),
    );
  } catch (error) {
    // The probe still runs and answers; only its place in the ledger is lost (the status page says why).
    console.warn("[probe] could not record the run in the usage ledger:", error);
  }

  const results = await Promise.all(
    estimate.providers.map(async (provider) => {
      const pinned = `${model.ref}:${provider}`;
      const facts: RequestFacts = {
        at: (deps.now ?? Date.now)(),
        client: "probe",
        requested: pinned,
        promptChars: PROBE_PROMPT.length,
        probeRun: runId,
      };
      const outcome = await probeOne(pinned, deps, token);
      const record = await priceOutcome(facts, outcome);
      deps.ledger.service.record(record);
      return resultOf(provider, outcome, record.costUsd, pinned);
    }),
  );
  return {
    ref: model.ref,
    runId,
    at,
    estimatedCostUsd: estimate.maxCostUsd,
    costUsd: results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0),
    results,
  };
}
