import { chainInputSchema } from "@/lib/catalog/chain-types";
import { runChainCheck } from "@/lib/server/chain-check/chain-check-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { parseOptionalJsonBody } from "@/lib/server/http/parse-json-body";

export const dynamic = "force-dynamic";

/** Findings about the primary/fallback chain: the one sent (unsaved edits), or with no body the saved one. */
export const POST = dashboardRoute({}, async ({ request }) =>
  runChainCheck(await parseOptionalJsonBody(request, chainInputSchema)),
);
