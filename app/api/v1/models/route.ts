import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { readRoutingSettings } from "@/lib/server/gateway/chat-proxy-settings";
import { gatewayRoute } from "@/lib/server/gateway/gateway-route";
import { gatewayModelList } from "@/lib/server/gateway/model-resolution";

export const dynamic = "force-dynamic";

/** OpenAI's model list: every catalog ref, every alias and `default`, so OpenAI clients can pick one. */
export const GET = gatewayRoute({}, async () => {
  const [catalog, settings] = await Promise.all([getCatalog(), readRoutingSettings()]);
  return Response.json(gatewayModelList(catalog, settings), { headers: { "cache-control": "no-store" } });
});
