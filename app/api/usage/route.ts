import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { getLedger } from "@/lib/server/ledger/ledger";
import { withLedger, parseUsageQuery } from "@/lib/server/ledger/ledger-http";
import { usageReport } from "@/lib/server/ledger/usage-report";

export const dynamic = "force-dynamic";

/** The usage ledger for a date range: totals, per day, model, provider and backend, recent requests, budgets. */
export const GET = dashboardRoute({}, ({ request }) => {
  const query = parseUsageQuery(request.url);
  return withLedger(() => usageReport(getLedger(), query));
});
