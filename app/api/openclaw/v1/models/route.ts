import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { checkOpenClawAccess } from "@/lib/server/gateway/openclaw-access";
import { gatewayRoute } from "@/lib/server/gateway/gateway-route";

export const dynamic = "force-dynamic";

/** The router's model list as OpenClaw's discovery reads it: bare Hub ids, live models only. */
export const GET = gatewayRoute({ access: checkOpenClawAccess }, async () => {
  const catalog = await getCatalog();
  const data = catalog.models
    .filter((model) => model.available)
    .map((model) => ({ id: model.id, object: "model", created: 0, owned_by: model.ownedBy }));
  return Response.json({ object: "list", data }, { headers: { "cache-control": "no-store" } });
});
