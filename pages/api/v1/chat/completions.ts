import { chatCompletionsRoute } from "@/lib/server/gateway/chat-completions-route";

/**
 * OpenAI-compatible chat completions for any client (docs/ARCHITECTURE.md, "A proxied chat"). A
 * Pages API route, not an App Router one: it streams through Node's own response, which adds
 * less to the first byte (docs/ARCHITECTURE.md, "What a proxied chat costs per request").
 */
export default chatCompletionsRoute({ client: "api" });

/** The gateway reads the body itself (gateway-api-route.ts); a stream has no size limit. Next reads this statically. */
export const config = { api: { bodyParser: false, responseLimit: false } };
