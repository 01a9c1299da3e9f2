/** The routes the stress scenarios call, as handlers in this process (add a route here when a scenario needs it). */
import * as health from "@/app/api/health/route";
import * as settings from "@/app/api/settings/route";
import { handlerTarget } from "@/scripts/stress/targets";
import type { Target } from "@/scripts/stress/types";

export function inProcessTarget(): Target {
  return handlerTarget({
    "/api/health": { GET: health.GET },
    "/api/settings": { GET: settings.GET, PUT: settings.PUT },
  });
}
