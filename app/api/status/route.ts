import type { StatusResponse } from "@/lib/catalog/catalog-types";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { serverEnv } from "@/lib/server/env";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { getLedger } from "@/lib/server/ledger/ledger";
import { configPath, envFilePath } from "@/lib/server/paths";
import { tokenState } from "@/lib/server/token/token-service";

export const dynamic = "force-dynamic";

// Guarded: the config path and the token's mask are local details (DNS rebinding could read them).
export const GET = dashboardRoute({}, async (): Promise<StatusResponse> => {
  const [token, catalog] = await Promise.all([tokenState(), getCatalog()]);
  return {
    token,
    catalog: {
      source: catalog.source,
      fetchedAt: catalog.fetchedAt,
      error: catalog.error ?? null,
      modelCount: catalog.models.length,
    },
    configPath: configPath(),
    envFilePath: envFilePath(),
    routerUrl: serverEnv().HF_ROUTER_URL,
    ledger: getLedger().service.check(),
  };
});
