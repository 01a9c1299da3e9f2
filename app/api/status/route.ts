import type { StatusResponse } from "@/lib/catalog/catalog-types";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { serverEnv } from "@/lib/server/env";
import { errorResponse } from "@/lib/server/http/errors";
import { configPath, envFilePath } from "@/lib/server/paths";
import { maskToken, resolveToken } from "@/lib/server/token/token-store";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const [token, catalog] = await Promise.all([resolveToken(), getCatalog()]);
    const body: StatusResponse = {
      token: { present: token !== null, source: token?.source ?? null, masked: token ? maskToken(token.value) : null },
      catalog: {
        source: catalog.source,
        fetchedAt: catalog.fetchedAt,
        error: catalog.error ?? null,
        modelCount: catalog.models.length,
      },
      configPath: configPath(),
      envFilePath: envFilePath(),
      routerUrl: serverEnv().HF_ROUTER_URL,
    };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/status");
  }
}
