import { chatCompletionsRoute } from "@/lib/server/gateway/chat-completions-route";

export const dynamic = "force-dynamic";

/** OpenAI-compatible chat completions for any client (docs/ARCHITECTURE.md, "A proxied chat"). */
export const POST = chatCompletionsRoute({ client: "api" });
