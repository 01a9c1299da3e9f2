import { settingsInputSchema } from "@/lib/settings/settings-types";
import { previewSettings } from "@/lib/server/config-file/config-store";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { openClawTarget } from "@/lib/server/config-file/openclaw-target";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/**
 * The config file before and after the given settings, without writing it. Guarded although it
 * changes nothing: the answer holds the whole file, so it is for the dashboard's own pages only.
 */
export const POST = dashboardRoute({ body: settingsInputSchema }, ({ request, body }) =>
  previewSettings(body, { catalog: () => getCatalog(), openClaw: openClawTarget(request) }),
);
