import { listHistory } from "@/lib/server/history/history-service";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** The kept versions of the config file, newest first. Guarded: the list describes the user's file. */
export const GET = dashboardRoute({}, () => listHistory());
