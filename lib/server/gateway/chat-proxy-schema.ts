import "server-only";
import { z } from "zod";
import { MAX_CANDIDATES } from "./model-resolution";

/**
 * The gateway's request body: only what it acts on is checked; every other OpenAI field
 * (tools, response_format, seed, …) passes through to the router untouched.
 */
export const gatewayChatBodySchema = z.looseObject({
  model: z.string().max(300).nullish(),
  /** OpenRouter-style extra candidates, tried in order after `model`. Not sent upstream. */
  models: z.array(z.string().max(300)).max(MAX_CANDIDATES).optional(),
  messages: z.array(z.looseObject({ role: z.string().min(1) })).min(1, "messages must hold at least one message"),
  stream: z.boolean().nullish(),
});
export type GatewayChatBody = z.infer<typeof gatewayChatBodySchema>;

/**
 * The body for the router: the caller's, with the upstream model id and without gateway-only
 * fields. Streams always ask for the usage chunk, so the ledger gets exact token counts (the
 * gateway takes it out again for a client that did not ask for it).
 */
export function upstreamBody(
  body: GatewayChatBody,
  upstreamModel: string,
  { askForUsage = true }: { askForUsage?: boolean } = {},
): Record<string, unknown> {
  const { models: _models, ...rest } = body;
  if (body.stream !== true || !askForUsage) return { ...rest, model: upstreamModel };
  const streamOptions =
    typeof rest.stream_options === "object" && rest.stream_options !== null ? rest.stream_options : {};
  return { ...rest, model: upstreamModel, stream_options: { ...streamOptions, include_usage: true } };
}
