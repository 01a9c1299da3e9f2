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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The usual chat body, recognised by hand: the parsed JSON itself when gatewayChatBodySchema surely
 * accepts it as it is, else null (then the schema decides, and names what is wrong). Every chat
 * passes here before the router is asked, and a request's first touch of the schema's generic
 * machinery costs ~40 µs on this machine against ~2 µs for these few checks (docs/ARCHITECTURE.md,
 * "What a proxied chat costs per request"). A property test holds it to the schema.
 */
export function quickChatBody(json: unknown): GatewayChatBody | null {
  if (!isRecord(json)) return null;
  const { model, models, messages, stream } = json;
  if (model !== undefined && model !== null && (typeof model !== "string" || model.length > 300)) return null;
  // OpenRouter-style candidate lists are rare: the schema checks them.
  if (models !== undefined) return null;
  if (stream !== undefined && stream !== null && typeof stream !== "boolean") return null;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  for (const message of messages as unknown[]) {
    if (!isRecord(message) || typeof message.role !== "string" || message.role.length === 0) return null;
  }
  return json as GatewayChatBody;
}

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
