import { tokenInputSchema } from "@/lib/settings/settings-types";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { checkAndSaveToken, removeSavedToken, tokenState } from "@/lib/server/token/token-service";

export const dynamic = "force-dynamic";

export const GET = dashboardRoute({}, async () => ({ token: await tokenState() }));

/** Saves the token in `<state dir>/.env` after checking it with the router. */
export const PUT = dashboardRoute({ body: tokenInputSchema }, ({ body }) => checkAndSaveToken(body.token));

/** Removes the saved token from `<state dir>/.env`. */
export const DELETE = dashboardRoute({}, async () => ({ token: await removeSavedToken() }));
