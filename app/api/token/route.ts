import { tokenInputSchema, type TokenSaveResult } from "@/lib/settings/settings-types";
import { describeFsError } from "@/lib/server/config-file/atomic-write";
import { invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { parseJsonBody } from "@/lib/server/http/parse-json-body";
import { checkTokenWithRouter, cleanToken, refuseEnvToken, tokenState } from "@/lib/server/token/token-service";
import { AppError, errorResponse } from "@/lib/server/http/errors";
import { checkSameOrigin } from "@/lib/server/http/origin-guard";
import { envFilePath } from "@/lib/server/paths";
import { removeTokenFromEnvFile, saveTokenToEnvFile } from "@/lib/server/token/token-store";

export const dynamic = "force-dynamic";

function unwritable(error: unknown): AppError {
  return new AppError("config_unwritable", describeFsError(error, envFilePath()));
}

export async function GET(request: Request) {
  try {
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    return Response.json({ token: await tokenState() }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/token");
  }
}

/** Saves the token in `<state dir>/.env` after checking it with the router. */
export async function PUT(request: Request) {
  try {
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    const token = cleanToken((await parseJsonBody(request, tokenInputSchema)).token);
    await refuseEnvToken();
    const { warning } = await checkTokenWithRouter(token);
    await saveTokenToEnvFile(token).catch((error: unknown) => {
      throw unwritable(error);
    });
    invalidateCatalog();
    const body: TokenSaveResult = { token: await tokenState(), ...(warning ? { warning } : {}) };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "PUT /api/token");
  }
}

/** Removes the saved token from `<state dir>/.env`. */
export async function DELETE(request: Request) {
  try {
    const forbidden = checkSameOrigin(request);
    if (forbidden) return forbidden.toResponse();
    await refuseEnvToken();
    await removeTokenFromEnvFile().catch((error: unknown) => {
      throw unwritable(error);
    });
    invalidateCatalog();
    return Response.json({ token: await tokenState() }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "DELETE /api/token");
  }
}
