import { budgetInputSchema } from "@/lib/usage/usage-types";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { getLedger } from "@/lib/server/ledger/ledger";
import { withLedger } from "@/lib/server/ledger/ledger-http";

export const dynamic = "force-dynamic";

/** Sets or clears (null) the daily and monthly budgets; answers them with what is spent and left. */
export const PUT = dashboardRoute({ body: budgetInputSchema }, ({ body }) => {
  return { budget: withLedger(() => getLedger().budget.set(body)) };
});
