import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** The merged catalog; `?refresh=1` fetches the live list again. */
export const GET = dashboardRoute({ sameOrigin: false }, ({ request }) =>
  getCatalog({ refresh: new URL(request.url).searchParams.get("refresh") === "1" }),
);
