import { checkOpenClawAccess, openClawToken } from "@/lib/server/gateway/openclaw-access";
import { chatCompletionsRoute } from "@/lib/server/gateway/chat-completions-route";

export const dynamic = "force-dynamic";

/**
 * OpenClaw's Hugging Face base URL when it is routed through the dashboard (README, "Route OpenClaw
 * through the dashboard"): the same gateway, its requests labelled `openclaw` in the ledger.
 */
export const POST = chatCompletionsRoute({
  client: "openclaw",
  access: checkOpenClawAccess,
  callerToken: openClawToken,
});
