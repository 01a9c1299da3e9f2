import { chainInputSchema } from "@/lib/catalog/chain-types";
import { runChainTest } from "@/lib/server/chain-check/chain-check-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { parseOptionalJsonBody } from "@/lib/server/http/parse-json-body";

export const dynamic = "force-dynamic";

/** "Test the chain": one tiny request through each candidate in order (it costs a little: the page says how much first). */
export const POST = dashboardRoute({}, async ({ request }) =>
  runChainTest(await parseOptionalJsonBody(request, chainInputSchema), request.signal),
);
