import { versionParamsSchema } from "@/lib/settings/history-params";
import { restoreVersion } from "@/lib/server/history/history-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** Puts a kept version back, with a save's checks; the restore is itself a new version. */
export const POST = dashboardRoute({ ifMatch: true, params: versionParamsSchema }, async ({ params, ifMatch }) => {
  const result = await restoreVersion(params.id, ifMatch);
  return Response.json(result, { headers: { etag: result.state.etag } });
});
