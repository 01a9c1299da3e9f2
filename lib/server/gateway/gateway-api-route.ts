import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { serverEnv, type ServerEnv } from "@/lib/server/env";
import { nodeRequest, type IncomingRequest } from "@/lib/server/http/incoming-request";
import type { ChatAnswer } from "./chat-proxy";
import { checkGatewayAccess } from "./gateway-auth";
import { parseGatewayBody, unexpectedError, type GatewayAccess } from "./gateway-route";
import { sendAnswer } from "./node-answer";

/** UTF-8 text; as `Request.json()` does, a byte order mark is not part of the JSON. */
function textOf(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The body's text; undefined when the client broke off. A chat request usually arrives whole with
 * its headers: then it is already buffered and is taken at once, as a string (no promise, so the
 * route goes on without an `await`), without waiting for `end`. Whole means all `Content-Length`
 * bytes are buffered: Node marks the request `complete` only later, once its stream is read on.
 */
function readText(req: IncomingMessage): string | Promise<string | undefined> {
  const length = req.headers["content-length"];
  const whole = req.complete || (length !== undefined && req.readableLength === Number(length));
  if (whole && !req.readableFlowing && !req.readableDidRead) {
    const buffered = req.read() as Buffer | null;
    return buffered ? textOf(buffered) : "";
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(textOf(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))));
    req.on("error", () => resolve(undefined));
    req.on("aborted", () => resolve(undefined));
  });
}

/** What the App Router answered for a method the route has no handler for. */
function otherMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "POST") return false;
  res.statusCode = req.method === "OPTIONS" ? 204 : 405;
  if (req.method === "OPTIONS") res.setHeader("allow", "OPTIONS, POST");
  res.end();
  return true;
}

/**
 * A POST route of the OpenAI-compatible gateway as a Pages API route (its file exports
 * `config = { api: { bodyParser: false, responseLimit: false } }`: the body is read here): the same checks and answers
 * as gatewayRoute() (access, body schema, OpenAI's error shape, a 500 `server_error` for anything
 * unexpected), over Node's own request and response. A Pages route answers the first streamed byte
 * about 1.5 ms sooner than an App Router route on this machine, which builds a `Request`, and
 * pipes the `Response`'s web stream into Node's response (docs/ARCHITECTURE.md, "What a proxied
 * chat costs per request").
 */
export function gatewayApiRoute<B>(
  options: {
    body: z.ZodType<B>;
    /** The usual body recognised without the schema (parseGatewayBody()); null leaves it to the schema. */
    quickBody?: (json: unknown) => B | null;
    access?: GatewayAccess;
  },
  /** `env` is serverEnv() as read once for this request (each read is a dozen environment lookups). */
  handler: (input: { request: IncomingRequest; body: B; env: ServerEnv }) => Promise<ChatAnswer>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (otherMethod(req, res)) return;
    const request = nodeRequest(req, res);
    let answer: ChatAnswer;
    try {
      // Values already in hand are not awaited: each `await` lets other queued work run first.
      const env = serverEnv();
      const access = options.access ? options.access(request) : checkGatewayAccess(request, env);
      const refused = access instanceof Promise ? await access : access;
      if (refused) {
        answer = refused;
      } else {
        const text = readText(req);
        const read = parseGatewayBody(typeof text === "string" ? text : await text, options.body, options.quickBody);
        answer = "refused" in read ? read.refused : await handler({ request, body: read.body, env });
      }
    } catch (error) {
      answer = unexpectedError(request.method, (req.url ?? "").split("?")[0] ?? "", error);
    }
    await sendAnswer(res, answer);
  };
}
