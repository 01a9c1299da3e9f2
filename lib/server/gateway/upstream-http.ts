import "server-only";
import http from "node:http";
import https from "node:https";
import type { AbortLike } from "@/lib/server/http/light-abort";

/*
 * The gateway's requests to the router, over node:http with keep-alive agents rather than the global
 * `fetch`: on the hot path fetch's WHATWG layers (Request, Headers, fetch controller, the body as a
 * byte stream) cost about twice the CPU of a plain http request per chat (docs/ARCHITECTURE.md, "A proxied
 * chat", has the figures). The answer is not a `Response` either: its body is read through a small
 * reader straight off the socket's chunks (no web stream, no Headers object per answer), which is all
 * the gateway needs: read, cancel, closed. fromResponse() gives any `fetch` answer the same shape (tests).
 */

/** No cap on connections per origin: 300 concurrent streams get 300 sockets, as with fetch. */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024, scheduling: "lifo" } as const;
const agents = { "http:": new http.Agent(AGENT_OPTIONS), "https:": new https.Agent(AGENT_OPTIONS) };

export interface UpstreamInit {
  method: "POST" | "GET";
  headers: Record<string, string>;
  body?: string;
  signal: AbortLike;
}

/** What the gateway reads a body with: the part of a web stream reader it uses. */
export interface UpstreamReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /** Stops reading and drops the connection's answer (the client went away). */
  cancel(reason?: unknown): Promise<void>;
  /** Settles when the body was read to its end, broke off or was cancelled. */
  readonly closed: Promise<void>;
}

/** The router's answer once its headers are in. */
export interface UpstreamAnswer {
  status: number;
  ok: boolean;
  /** A header's value (lower-case name), repeated ones joined with ", "; null when absent. */
  header(name: string): string | null;
  /** Null for an answer without a body (204, 304). */
  body: UpstreamReader | null;
}

/** What the gateway needs of an upstream request. */
export type UpstreamFetch = (url: string, init: UpstreamInit) => Promise<UpstreamAnswer>;

/** Chunks queued past this while nobody reads pause the socket (as a web stream's high-water mark would). */
const HIGH_WATER_BYTES = 64 * 1024;

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/** A reader over an answer's chunks as the socket delivers them. */
export function nodeReader(res: http.IncomingMessage): UpstreamReader {
  const queue: Uint8Array[] = [];
  let queued = 0;
  let waiting: {
    resolve: (result: ReadableStreamReadResult<Uint8Array>) => void;
    reject: (error: Error) => void;
  } | null = null;
  // "open" until the body ended, broke off or was cancelled; a late event then changes nothing.
  let state: "open" | "ended" | "failed" | "cancelled" = "open";
  let failure: Error | null = null;
  let settleClosed!: (error?: Error) => void;
  const closed = new Promise<void>((resolve, reject) => {
    settleClosed = (error) => (error ? reject(error) : resolve());
  });
  // Like a web reader's: a rejection nobody awaits is not an unhandled one.
  closed.catch(() => undefined);

  /**
   * What is queued, as one piece: when the gateway fell behind (a loaded machine, many streams), the
   * events that arrived meanwhile go on together, as one write to the client instead of one each.
   */
  const take = (): Uint8Array => {
    const value = queue.length === 1 ? (queue[0] as Uint8Array) : Buffer.concat(queue, queued);
    queue.length = 0;
    queued = 0;
    if (res.isPaused() && state === "open") res.resume();
    return value;
  };

  res.on("data", (chunk: Buffer) => {
    if (state !== "open") return;
    const value = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (waiting) {
      const { resolve } = waiting;
      waiting = null;
      resolve({ done: false, value });
      return;
    }
    queue.push(value);
    queued += value.byteLength;
    if (queued >= HIGH_WATER_BYTES) res.pause();
  });
  res.on("end", () => {
    if (state !== "open") return;
    state = "ended";
    waiting?.resolve(DONE);
    waiting = null;
    settleClosed();
  });
  const fail = (error: Error) => {
    if (state !== "open") return;
    state = "failed";
    failure = error;
    waiting?.reject(error);
    waiting = null;
    settleClosed(error);
  };
  res.on("error", fail);
  // The connection closed before the body was whole (the router cut it, or the request was aborted).
  res.on("close", () => {
    if (!res.complete) fail(new Error("the router's answer broke off"));
  });

  return {
    read() {
      if (queue.length > 0) return Promise.resolve({ done: false, value: take() });
      if (state === "failed") return Promise.reject(failure);
      if (state !== "open") return Promise.resolve(DONE);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    cancel() {
      if (state === "open") {
        state = "cancelled";
        queue.length = 0;
        waiting?.resolve(DONE);
        waiting = null;
        settleClosed();
        res.destroy();
      }
      return Promise.resolve();
    },
    closed,
  };
}

function headerOf(res: http.IncomingMessage) {
  return (name: string): string | null => {
    const value = res.headers[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  };
}

/** Any `fetch` answer in the gateway's shape (tests and callers that pass their own fetch). */
export function fromResponse(response: Response): UpstreamAnswer {
  return {
    status: response.status,
    ok: response.ok,
    header: (name) => response.headers.get(name),
    body: response.body ? response.body.getReader() : null,
  };
}

interface Target {
  https: boolean;
  options: { protocol: string; hostname: string; port: string; path: string; auth?: string };
}

/** The last URL requested, parsed: the gateway asks one router URL over and over. */
let lastTarget: { url: string; target: Target } | null = null;

function targetOf(url: string): Target {
  if (lastTarget?.url === url) return lastTarget.target;
  const parsed = new URL(url);
  const target = {
    https: parsed.protocol === "https:",
    options: {
      protocol: parsed.protocol,
      // Without the brackets of an IPv6 literal, as http.request wants it.
      hostname: parsed.hostname.replace(/^\[|\]$/g, ""),
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
      ...(parsed.username || parsed.password
        ? { auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` }
        : {}),
    },
  };
  lastTarget = { url, target };
  return target;
}

/** How many times a request whose kept-alive socket the router had already closed is sent again. */
const STALE_SOCKET_RETRIES = 2;

/**
 * A reused keep-alive socket that the router closed while it sat idle fails at once with ECONNRESET
 * (or EPIPE) before any answer: the router never read the request, so it is sent again on a fresh
 * socket, as Node's http documentation advises (`request.reusedSocket`).
 */
function staleSocket(request: http.ClientRequest, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return request.reusedSocket && (code === "ECONNRESET" || code === "EPIPE");
}

/**
 * The gateway's upstream request: resolves once the answer's headers are in; rejects like fetch on a
 * network error, and with the signal's reason once it aborts. A header value HTTP cannot carry is
 * a TypeError (isHeaderValueError), as with fetch.
 */
export const upstreamFetch: UpstreamFetch = (url, init) => {
  return new Promise((resolve, reject) => {
    if (init.signal.aborted) {
      reject(init.signal.reason);
      return;
    }
    let target: Target;
    try {
      target = targetOf(url);
    } catch (error) {
      reject(error);
      return;
    }
    const send = (retries: number) => {
      let request: http.ClientRequest;
      try {
        request = (target.https ? https : http).request({
          ...target.options,
          method: init.method,
          headers: init.headers,
          agent: target.https ? agents["https:"] : agents["http:"],
        });
      } catch (error) {
        reject(error);
        return;
      }
      // The abort wired by hand rather than with the `signal` option, whose clean-up (an
      // end-of-stream watcher, several listeners) costs more per request; removed once the request
      // closed, so a late abort never reaches a socket back in the pool.
      const onAbort = () => request.destroy(new Error("The operation was aborted", { cause: init.signal.reason }));
      init.signal.addEventListener("abort", onAbort, { once: true });
      request.once("close", () => init.signal.removeEventListener("abort", onAbort));
      let answered = false;
      request.on("response", (res) => {
        answered = true;
        // 204/304 have no body; everything else streams.
        const empty = res.statusCode === 204 || res.statusCode === 304;
        if (empty) res.on("error", () => undefined).resume();
        const status = res.statusCode ?? 502;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          header: headerOf(res),
          body: empty ? null : nodeReader(res),
        });
      });
      request.on("error", (error) => {
        if (init.signal.aborted) return reject(init.signal.reason);
        if (!answered && retries > 0 && staleSocket(request, error)) return send(retries - 1);
        reject(error);
      });
      request.end(init.body);
    };
    send(STALE_SOCKET_RETRIES);
  });
};
