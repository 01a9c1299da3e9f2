import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** Liveness for start scripts and monitors: open to any caller. */
export const GET = dashboardRoute({ sameOrigin: false }, () => ({ ok: true }));
