/**
 * A fake Hugging Face router on loopback (docs/ARCHITECTURE.md, "The fake router"): the model list, auth, suffix
 * routing, streaming and scripted faults, with every request recorded for tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChat } from "./chat";
import { header, sendJson, sendRawJson } from "./http";
import { buildCatalog } from "./models";
import type { RecordedRequest } from "./types";

/** The token the fake router accepts unless told otherwise. Obviously fake. */
export const DEFAULT_FAKE_TOKEN = "hf_fake_demo_token_0000";

export interface FakeRouterOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only by default; the fake router is never meant to be reachable from elsewhere. */
  host?: string;
  token?: string;
  /** Appends this many synthetic models to the list (load tests). */
  extraModels?: number;
  /** Pause between stream chunks; a request can override it with `x-fake-chunk-delay-ms`. */
  chunkDelayMs?: number;
  /** Without a token, list only the first N models (the real router may answer with part of the list). */
  anonymousModelLimit?: number;
}

export interface FakeRouter {
  /** Base URL ending with /v1, like https://router.huggingface.co/v1. */
  url: string;
  port: number;
  modelCount: number;
  /** Every request seen, oldest first (the oldest are dropped past 10,000). */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const MAX_RECORDED = 10_000;

function invalidCredentials(res: ServerResponse): void {
  sendJson(res, 401, {
    error: { message: "Invalid credentials in Authorization header", type: "invalid_request_error" },
  });
}

function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(req.headers)) {
    headers[name] = name === "authorization" ? "[redacted]" : (header(req, name) ?? "");
  }
  return headers;
}

export async function startFakeRouter(options: FakeRouterOptions = {}): Promise<FakeRouter> {
  const token = options.token ?? DEFAULT_FAKE_TOKEN;
  const host = options.host ?? "127.0.0.1";
  const catalog = buildCatalog({ extraModels: options.extraModels });
  // Serialised once: a 10,000-model list is then as fast to serve as a small one.
  const fullList = JSON.stringify({ object: "list", data: catalog.models });
  const anonymousList =
    options.anonymousModelLimit === undefined
      ? fullList
      : JSON.stringify({ object: "list", data: catalog.models.slice(0, Math.max(0, options.anonymousModelLimit)) });
  const requests: RecordedRequest[] = [];
  let seq = 0;
  let closing = false;
  let closed: Promise<void> | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const authorization = header(req, "authorization");
    const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const record: RecordedRequest = {
      seq: ++seq,
      method: req.method ?? "GET",
      path,
      headers: recordedHeaders(req),
      auth: authorization === undefined ? "none" : bearer === token ? "valid" : "invalid",
      aborted: false,
      completed: false,
    };
    requests.push(record);
    if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);

    const controller = new AbortController();
    let dropped = false;
    res.on("finish", () => {
      record.status = res.statusCode;
      record.completed = true;
    });
    res.on("close", () => {
      if (res.headersSent) record.status = res.statusCode;
      if (!res.writableFinished) {
        if (!dropped && !closing) record.aborted = true;
        controller.abort();
      }
    });
    if (req.method === "GET" && path === "/health") return sendJson(res, 200, { ok: true });
    if (req.method === "GET" && path === "/v1/models") {
      if (record.auth === "invalid") return invalidCredentials(res);
      return sendRawJson(res, 200, record.auth === "valid" ? fullList : anonymousList);
    }
    if (path === "/v1/chat/completions") {
      if (req.method !== "POST") return sendJson(res, 405, { error: "Method Not Allowed" }, { allow: "POST" });
      if (record.auth !== "valid") return invalidCredentials(res);
      return handleChat(req, res, {
        catalog,
        defaultChunkDelayMs: options.chunkDelayMs ?? 15,
        record,
        signal: controller.signal,
        completionId: `chatcmpl-fake-${String(record.seq).padStart(6, "0")}`,
        markDropped: () => {
          dropped = true;
        },
      });
    }
    sendJson(res, 404, { error: "Not Found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("fake router: unexpected error", error);
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: "Fake router internal error", type: "server_error" } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/v1`,
    port,
    modelCount: catalog.models.length,
    requests,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        // Hanging and streaming answers hold their sockets open; cut them so close() returns.
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
