import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/**
 * The merged catalog; `?refresh=1` fetches the live list again. Guarded like every GET but health:
 * it holds the config's aliases, which a page behind a rebinding DNS name must not read.
 */
export const GET = dashboardRoute({}, ({ request }) =>
  getCatalog({ refresh: new URL(request.url).searchParams.get("refresh") === "1" }),
);
