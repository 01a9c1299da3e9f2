import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { readRoutingSettings } from "@/lib/server/gateway/chat-proxy-settings";
import { checkGatewayAccess } from "@/lib/server/gateway/gateway-auth";
import { gatewayModelList } from "@/lib/server/gateway/model-resolution";
import { gatewayError, gatewayErrorResponse } from "@/lib/server/gateway/upstream-errors";

export const dynamic = "force-dynamic";

/** OpenAI's model list: every catalog ref, every alias and `default`, so OpenAI clients can pick one. */
export async function GET(request: Request) {
  try {
    const refused = checkGatewayAccess(request);
    if (refused) return refused;
    const [catalog, settings] = await Promise.all([getCatalog(), readRoutingSettings()]);
    return Response.json(gatewayModelList(catalog, settings), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[GET /api/v1/models] unexpected error", error);
    return gatewayErrorResponse(
      gatewayError(500, "server_error", "internal", "Something went wrong on the dashboard server; see its log."),
    );
  }
}
