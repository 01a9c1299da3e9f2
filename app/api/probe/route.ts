import { z } from "zod";
import { probeInputSchema } from "@/lib/probe/probe-types";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { serverEnv } from "@/lib/server/env";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { AppError } from "@/lib/server/http/errors";
import { getLedger } from "@/lib/server/ledger/ledger";
import { withLedger } from "@/lib/server/ledger/ledger-http";
import { measuredBackends } from "@/lib/server/ledger/ledger-probe";
import { runProbe } from "@/lib/server/probe/probe-service";
import { resolveToken } from "@/lib/server/token/token-store";

export const dynamic = "force-dynamic";

const modelParam = z.string().trim().min(1).max(300);

/** "Measured by you" for one model (`?model=org/name`): per provider, the latest and median speed. */
export const GET = dashboardRoute({}, ({ request }) => {
  const model = modelParam.safeParse(new URL(request.url).searchParams.get("model"));
  if (!model.success) throw new AppError("bad_request", "Invalid query: model is required (a Hub id, org/name).");
  return {
    model: model.data,
    providers: withLedger(() => getLedger().service.read((db) => measuredBackends(db, model.data))),
  };
});

/** Tests every live backend of a model with one tiny streamed request each, at once. */
export const POST = dashboardRoute({ body: probeInputSchema }, async ({ request, body }) => {
  const env = serverEnv();
  const [catalog, token] = await Promise.all([getCatalog(), resolveToken()]);
  return runProbe(body.ref, {
    models: catalog.models,
    ledger: getLedger(),
    token: token?.value ?? null,
    routerUrl: env.HF_ROUTER_URL,
    timeoutMs: env.ROUTER_TIMEOUT_MS,
    signal: request.signal,
  });
});
