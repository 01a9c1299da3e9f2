import { settingsInputSchema } from "@/lib/settings/settings-types";
import { readSettings, writeSettings } from "@/lib/server/config-file/config-store";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { openClawTarget } from "@/lib/server/config-file/openclaw-target";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

// Reading is guarded too: behind a rebinding DNS name a foreign page could otherwise read the file.
// A version changed outside (an editor, the CLI) is kept in the history when the page reads it.
export const GET = dashboardRoute({}, async () => {
  const state = await readSettings({ keepVersion: true });
  return Response.json(state, { headers: { etag: state.etag } });
});

export const PUT = dashboardRoute({ ifMatch: true, body: settingsInputSchema }, async ({ request, body, ifMatch }) => {
  const state = await writeSettings(body, ifMatch, { catalog: () => getCatalog(), openClaw: openClawTarget(request) });
  return Response.json(state, { headers: { etag: state.etag } });
});
