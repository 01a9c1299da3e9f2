import "server-only";
import http from "node:http";
import https from "node:https";

/*
 * The gateway's requests to the router, over node:http with keep-alive agents rather than the global
 * `fetch`: on the hot path fetch's WHATWG layers (Request, Headers, fetch controller, the body as a
 * byte stream) cost about twice the CPU of a plain http request per chat (docs/ARCHITECTURE.md, "A proxied
 * chat", has the figures). The answer is still a standard `Response`, so the rest of the gateway,
 * and its tests' `fetchImpl`, stay the same.
 */

/** No cap on connections per origin: 300 concurrent streams get 300 sockets, as with fetch. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024, scheduling: "lifo" } as const;
const agents = { "http:": new http.Agent(AGENT_OPTIONS), "https:": new https.Agent(AGENT_OPTIONS) };

export interface UpstreamInit {
  method: "POST" | "GET";
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What the gateway needs of `fetch` (the global `fetch` fits too). */
export type UpstreamFetch = (url: string, init: UpstreamInit) => Promise<Response>;

/** The answer's body as a web stream, paused while nobody reads (nothing queued past 64 KB). */
function bodyStream(res: http.IncomingMessage): ReadableStream<Uint8Array> {
  // Set once the stream is closed, errored or cancelled: a late event must not touch it again.
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on("data", (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) res.pause();
        });
        res.on("end", () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        };
        res.on("error", fail);
        // The connection closed before the body was whole (the router cut it, or the request was aborted).
        res.on("close", () => {
          if (!res.complete) fail(new Error("the router's answer broke off"));
        });
      },
      pull() {
        res.resume();
      },
      cancel() {
        settled = true;
        res.destroy();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function responseHeaders(res: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * `fetch` for the gateway's upstream requests: resolves with the answer once its headers are in;
 * rejects like fetch on a network error, and with the signal's reason once it aborts. A header value
 * HTTP cannot carry is a TypeError (isHeaderValueError), as with fetch.
 */
export const upstreamFetch: UpstreamFetch = (url, init) => {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = target.protocol === "https:" ? agents["https:"] : agents["http:"];
    let request: http.ClientRequest;
    try {
      request = (target.protocol === "https:" ? https : http).request(target, {
        method: init.method,
        headers: init.headers,
        agent,
        signal: init.signal,
      });
    } catch (error) {
      reject(error);
      return;
    }
    request.on("response", (res) => {
      // 204/304 and HEAD have no body; everything else streams.
      const empty = res.statusCode === 204 || res.statusCode === 304;
      if (empty) res.on("error", () => undefined).resume();
      resolve(
        new Response(empty ? null : bodyStream(res), {
          status: res.statusCode ?? 502,
          statusText: res.statusMessage,
          headers: responseHeaders(res),
        }),
      );
    });
    request.on("error", (error) => reject(init.signal.aborted ? init.signal.reason : error));
    request.end(init.body);
  });
};
