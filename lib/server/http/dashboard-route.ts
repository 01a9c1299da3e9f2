import "server-only";
import type { z } from "zod";
import { AppError, errorResponse } from "./errors";
import { checkSameOrigin } from "./origin-guard";
import { parseJsonBody } from "./parse-json-body";

export interface DashboardRouteOptions<B, P> {
  /**
   * Refuse a foreign `Origin` or `Host` with 403 (the default). Turned off only for answers a
   * foreign page may read, which keep their behaviour from before the guard existed.
   */
  sameOrigin?: boolean;
  /** Require `If-Match` (428 without it), for writes that must not clobber a file changed meanwhile. */
  ifMatch?: boolean;
  /** Parse the JSON body with this schema; a bad body is a 400 naming the fields. */
  body?: z.ZodType<B>;
  /** Parse the dynamic segments of the path (`[id]`) with this schema; a bad one is a 404. */
  params?: z.ZodType<P>;
}

export interface DashboardRequest<B, P> {
  request: Request;
  /** The parsed body (undefined without a `body` schema). */
  body: B;
  /** The parsed path segments (undefined without a `params` schema). */
  params: P;
  /** The `If-Match` header; "" when the route does not require it and none was sent. */
  ifMatch: string;
}

/** What Next passes a route handler besides the request: the dynamic segments of its path. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/** What a handler answers: a Response, or a value sent as JSON. */
export type DashboardAnswer = Response | object;

const PRECONDITION_MESSAGE =
  "Send the ETag of the settings you edited as If-Match, so a file changed meanwhile is not overwritten.";

/**
 * A route handler of the dashboard's own API (`/api/*` outside `/api/v1`): the checks run in order
 * (origin guard, path params, `If-Match`, body), then the handler; every answer is `cache-control: no-store`;
 * an AppError becomes its `{ error: { code, message } }` answer, anything else is logged and a 500.
 */
export function dashboardRoute<B = undefined, P = undefined>(
  options: DashboardRouteOptions<B, P>,
  handler: (input: DashboardRequest<B, P>) => DashboardAnswer | Promise<DashboardAnswer>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    let response: Response;
    try {
      response = await run(request, context, options, handler);
    } catch (error) {
      response = errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
    }
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    return response;
  };
}

async function parseParams<P>(context: RouteContext | undefined, schema: z.ZodType<P>): Promise<P> {
  const result = schema.safeParse((await context?.params) ?? {});
  if (!result.success) throw new AppError("not_found", "Nothing is at this address: a part of its path is not valid.");
  return result.data;
}

async function run<B, P>(
  request: Request,
  context: RouteContext | undefined,
  options: DashboardRouteOptions<B, P>,
  handler: (input: DashboardRequest<B, P>) => DashboardAnswer | Promise<DashboardAnswer>,
): Promise<Response> {
  if (options.sameOrigin !== false) {
    const forbidden = checkSameOrigin(request);
    if (forbidden) throw forbidden;
  }
  // Without a schema P is undefined: the params are not read.
  const params = (options.params ? await parseParams(context, options.params) : undefined) as P;
  const ifMatch = request.headers.get("if-match") ?? "";
  if (options.ifMatch && !ifMatch) throw new AppError("precondition_required", PRECONDITION_MESSAGE);
  // Without a schema B is undefined: the body is not read at all.
  const body = (options.body ? await parseJsonBody(request, options.body) : undefined) as B;
  const answer = await handler({ request, body, params, ifMatch });
  return answer instanceof Response ? answer : Response.json(answer);
}
