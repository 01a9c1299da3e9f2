import { versionParamsSchema } from "@/lib/settings/history-params";
import { versionDetail } from "@/lib/server/history/history-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** One kept version: its text and what restoring it would change. Guarded: it is the whole file. */
export const GET = dashboardRoute({ params: versionParamsSchema }, ({ params }) => versionDetail(params.id));
