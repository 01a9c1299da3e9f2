import { settingsInputSchema } from "@/lib/settings/settings-types";
import { parseJsonBody } from "@/lib/server/http/parse-json-body";
import { previewSettings } from "@/lib/server/config-file/config-store";
import { errorResponse } from "@/lib/server/http/errors";
import { checkSameOrigin } from "@/lib/server/http/origin-guard";

export const dynamic = "force-dynamic";

/** The config file before and after the given settings, without writing it. */
export async function POST(request: Request) {
  try {
    // Not a change, but the answer holds the whole file: keep it for the dashboard's own pages.
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    const input = await parseJsonBody(request, settingsInputSchema);
    return Response.json(await previewSettings(input), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "POST /api/settings/preview");
  }
}
