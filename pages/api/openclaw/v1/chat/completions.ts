import { chatCompletionsRoute } from "@/lib/server/gateway/chat-completions-route";
import { checkOpenClawAccess, openClawToken } from "@/lib/server/gateway/openclaw-access";

/**
 * OpenClaw's Hugging Face base URL when it is routed through the dashboard (README, "Route OpenClaw
 * through the dashboard"): the same gateway, its requests labelled `openclaw` in the ledger; a
 * Pages API route like `/api/v1/chat/completions`.
 */
export default chatCompletionsRoute({
  client: "openclaw",
  access: checkOpenClawAccess,
  callerToken: openClawToken,
});

/** The gateway reads the body itself (gateway-api-route.ts); a stream has no size limit. Next reads this statically. */
export const config = { api: { bodyParser: false, responseLimit: false } };
