import { eventStream } from "@/lib/server/events/event-stream";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/** Server-sent events for open pages: `config` when the file changed on disk, `catalog` after a refresh. */
export const GET = dashboardRoute({}, ({ request }) => eventStream(request.signal));
