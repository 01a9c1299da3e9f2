import { settingsInputSchema } from "@/lib/settings/settings-types";
import { parseJsonBody } from "@/lib/server/http/parse-json-body";
import { readSettings, writeSettings } from "@/lib/server/config-file/config-store";
import { AppError, errorResponse } from "@/lib/server/http/errors";
import { checkSameOrigin } from "@/lib/server/http/origin-guard";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    // Reading is guarded too: behind a rebinding DNS name a foreign page could otherwise read the file.
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    const state = await readSettings();
    return Response.json(state, { headers: { etag: state.etag, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/settings");
  }
}

export async function PUT(request: Request) {
  try {
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    const ifMatch = request.headers.get("if-match");
    if (!ifMatch) {
      return new AppError(
        "precondition_required",
        "Send the ETag of the settings you edited as If-Match, so a file changed meanwhile is not overwritten.",
      ).toResponse();
    }
    const input = await parseJsonBody(request, settingsInputSchema);
    const state = await writeSettings(input, ifMatch);
    return Response.json(state, { headers: { etag: state.etag, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "PUT /api/settings");
  }
}
