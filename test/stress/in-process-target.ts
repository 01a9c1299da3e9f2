/** The routes the stress scenarios call, as handlers in this process (add a route here when a scenario needs it). */
import * as health from "@/app/api/health/route";
import * as models from "@/app/api/models/route";
import * as preview from "@/app/api/settings/preview/route";
import * as settings from "@/app/api/settings/route";
import * as status from "@/app/api/status/route";
import * as token from "@/app/api/token/route";
import * as gatewayModels from "@/app/api/v1/models/route";
import chat from "@/pages/api/v1/chat/completions";
import { callApiRoute } from "@/test/api-route";
import { handlerTarget } from "@/scripts/stress/targets";
import type { Target } from "@/scripts/stress/types";

export function inProcessTarget(): Target {
  return handlerTarget({
    "/api/health": { GET: health.GET },
    "/api/status": { GET: status.GET },
    "/api/models": { GET: models.GET },
    "/api/token": { GET: token.GET, PUT: token.PUT, DELETE: token.DELETE },
    "/api/settings": { GET: settings.GET, PUT: settings.PUT },
    "/api/settings/preview": { POST: preview.POST },
    "/api/v1/models": { GET: gatewayModels.GET },
    // A Pages API route: called through a Node server of its own.
    "/api/v1/chat/completions": { POST: (request) => callApiRoute(chat, request) },
  });
}
