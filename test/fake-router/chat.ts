/** `POST /v1/chat/completions`: auth, faults, suffix routing, then the deterministic answer. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { chatRequestSchema, chunkDelay, lastUserText, promptChars, reasoningStyle } from "./chat-request";
import { completionBody, streamPayloads, writeStream, type CompletionMeta } from "./completion";
import { faultFromModelId, isFault, isStatusFault, SLOW_CHUNK_DELAY_MS, statusFaultAnswer, type Fault } from "./faults";
import { header, readBody, sendJson } from "./http";
import type { FakeCatalog } from "./models";
import { planReply } from "./reply";
import { pickProvider, splitModelId } from "./routing";
import type { RecordedRequest, RouterProvider } from "./types";

export interface ChatContext {
  catalog: FakeCatalog;
  defaultChunkDelayMs: number;
  record: RecordedRequest;
  /** Aborted when the connection closes before the answer is complete. */
  signal: AbortSignal;
  completionId: string;
  /** Marks a connection the server itself is about to cut. */
  markDropped(): void;
}

function invalidRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { error: { message, type: "invalid_request_error" } });
}

/** A `fault/…` model missing from the list (e.g. fault/status-400) is still served, by one backend. */
const FAULT_BACKEND: RouterProvider = { provider: "together", status: "live" };

export async function handleChat(req: IncomingMessage, res: ServerResponse, ctx: ChatContext): Promise<void> {
  const { record } = ctx;
  let json: unknown;
  try {
    json = JSON.parse(await readBody(req));
  } catch {
    return invalidRequest(res, "The request body is not valid JSON.");
  }
  const parsed = chatRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalidRequest(
      res,
      `Invalid request: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "bad body"}`,
    );
  }
  const request = parsed.data;
  record.model = request.model;
  record.stream = request.stream === true;
  record.body = request;

  const headerFault = header(req, "x-fake-fault");
  if (headerFault !== undefined && !isFault(headerFault))
    return invalidRequest(res, `Unknown x-fake-fault "${headerFault}".`);
  const { id, suffix } = splitModelId(request.model);
  const fault: Fault | undefined = headerFault ?? faultFromModelId(id);

  const model = ctx.catalog.find(id);
  let provider: RouterProvider | undefined;
  if (model) {
    const route = pickProvider(model, suffix);
    if (!route.ok) return sendJson(res, route.status, route.body);
    provider = route.provider;
  } else if (fault) {
    provider = FAULT_BACKEND;
  } else {
    return sendJson(res, 404, { error: `Model ${id} is not supported by any provider you have enabled.` });
  }
  record.provider = provider.provider;
  const providerHeader = { "x-inference-provider": provider.provider };

  if (fault && isStatusFault(fault)) {
    const answer = statusFaultAnswer(fault, id);
    return sendJson(res, answer.status, answer.body, { ...providerHeader, ...answer.headers });
  }
  // "hang": the request is accepted and nothing is ever sent; the client has to give up.
  if (fault === "hang") return;
  if (fault === "stall-body") {
    res.writeHead(200, {
      "content-type": request.stream ? "text/event-stream; charset=utf-8" : "application/json",
      ...providerHeader,
    });
    res.flushHeaders();
    return;
  }
  if (fault === "not-sse") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...providerHeader });
    return void res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
  }
  if (fault === "broken-first-event") {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", ...providerHeader });
    return void res.end('data: {"id":"chatcmpl-broken","choices":[{"delta":{"content":"Hel\n\ndata: [DONE]\n\n');
  }

  const style = reasoningStyle(header(req, "x-fake-reasoning"), id, ctx.catalog.isReasoning(id));
  const plan = planReply({
    modelId: id,
    provider: provider.provider,
    lastUserText: lastUserText(request),
    promptChars: promptChars(request),
    style,
    maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
  });
  const meta: CompletionMeta = {
    id: ctx.completionId,
    model: id,
    created: Math.floor(Date.now() / 1000),
    withReasoningField: style === "field",
  };

  if (!request.stream) {
    if (fault === "malformed" || fault === "drop") {
      res.writeHead(200, { "content-type": "application/json", ...providerHeader });
      const half = `{"id":"${meta.id}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hel`;
      if (fault === "malformed") return void res.end(half);
      // Cut once the half answer is on its way, so the client sees a body that breaks off.
      return void res.write(half, () => {
        ctx.markDropped();
        res.socket?.destroy();
      });
    }
    return sendJson(res, 200, completionBody(plan, meta), providerHeader);
  }

  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    ...providerHeader,
  });
  res.flushHeaders();
  record.status = 200;
  await writeStream(res, streamPayloads(plan, meta, request.stream_options?.include_usage === true), {
    delayMs:
      fault === "slow"
        ? SLOW_CHUNK_DELAY_MS
        : chunkDelay(header(req, "x-fake-chunk-delay-ms"), ctx.defaultChunkDelayMs),
    signal: ctx.signal,
    fault: fault === "drop" || fault === "malformed" ? fault : undefined,
    onDrop: ctx.markDropped,
  });
}
