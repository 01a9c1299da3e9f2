import "server-only";
import type { z } from "zod";
import type { IncomingRequest } from "@/lib/server/http/incoming-request";
import { checkGatewayAccess } from "./gateway-auth";
import { gatewayError, gatewayErrorResponse } from "./upstream-errors";

export interface GatewayRequest<B> {
  request: Request;
  /** The parsed body (undefined without a `body` schema). */
  body: B;
}

/** A 400 in OpenAI's shape, naming the field at fault. */
export function invalidRequest(message: string, code: string, param?: string): Response {
  return gatewayErrorResponse(gatewayError(400, "invalid_request_error", code, message, { param }));
}

/** The body as the schema's type, or the 400 naming what is wrong (`text`: the body, undefined when unreadable). */
export function parseGatewayBody<B>(
  text: string | undefined,
  schema: z.ZodType<B>,
  quick?: (json: unknown) => B | null,
): { body: B } | { refused: Response } {
  let json: unknown;
  try {
    if (text === undefined) throw new Error("unreadable");
    json = JSON.parse(text);
  } catch {
    return { refused: invalidRequest("The request body is not valid JSON.", "invalid_json") };
  }
  const recognised = quick?.(json);
  if (recognised) return { body: recognised };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { body: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "body";
  const message = `Invalid request: ${where}: ${issue?.message ?? "not an OpenAI chat request"}`;
  return { refused: invalidRequest(message, "invalid_request", where) };
}

async function readBody<B>(request: Request, schema: z.ZodType<B>): Promise<{ body: B } | { refused: Response }> {
  return parseGatewayBody(await request.text().catch(() => undefined), schema);
}

/** Anything a gateway route did not expect: logged with its route, answered as a 500 `server_error`. */
export function unexpectedError(method: string, path: string, error: unknown): Response {
  console.error(`[${method} ${path}] unexpected error`, error);
  return gatewayErrorResponse(
    gatewayError(500, "server_error", "internal", "Something went wrong on the dashboard server; see its log."),
  );
}

/** Decides whether a caller may use a gateway route: the refusal, or null. */
export type GatewayAccess = (request: IncomingRequest) => Response | null | Promise<Response | null>;

/**
 * A route handler of the OpenAI-compatible gateway (`/api/v1/*`): the caller's access is checked
 * (gateway-auth.ts), the body parsed, and every error keeps OpenAI's shape so SDKs raise their
 * usual typed errors; anything unexpected is logged and answered as a 500 `server_error`.
 */
export function gatewayRoute<B = undefined>(
  options: { body?: z.ZodType<B>; access?: GatewayAccess },
  handler: (input: GatewayRequest<B>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      // Only a route with its own rule pays for an await here.
      const refused = options.access ? await options.access(request) : checkGatewayAccess(request);
      if (refused) return refused;
      if (!options.body) return await handler({ request, body: undefined as B });
      const read = await readBody(request, options.body);
      if ("refused" in read) return read.refused;
      return await handler({ request, body: read.body });
    } catch (error) {
      return unexpectedError(request.method, new URL(request.url).pathname, error);
    }
  };
}
