// Calls a Pages API route's handler over a real Node server, with a web Request in and a Response out.
import http from "node:http";
import { Readable } from "node:stream";

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

const servers = new WeakMap<NodeHandler, Promise<number>>();

/** One server per handler, on a free loopback port, that does not keep the test process alive. */
function serverFor(handler: NodeHandler): Promise<number> {
  let port = servers.get(handler);
  if (!port) {
    // As in Next, the handler runs a little after the request came in: a small body is in by then.
    const server = http.createServer((req, res) => setImmediate(() => void handler(req, res)));
    server.unref();
    port = new Promise((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    servers.set(handler, port);
  }
  return port;
}

/**
 * Sends `request` to a Pages API route's `handler` through a Node server (its `Host` header as
 * given, e.g. localRequest()'s) and answers the streamed reply as a `Response`.
 */
export async function callApiRoute(handler: NodeHandler, request: Request): Promise<Response> {
  const port = await serverFor(handler);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: "127.0.0.1",
        port,
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers),
        agent: false,
      },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, one);
        }
        const status = res.statusCode ?? 500;
        const empty = status === 204 || status === 304;
        if (empty) res.resume();
        const stream = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        resolve(new Response(stream, { status, headers }));
      },
    );
    outgoing.on("error", reject);
    // As with fetch, the request's signal aborts it (the client going away, before or during the answer).
    const abort = () => outgoing.destroy(request.signal.reason instanceof Error ? request.signal.reason : undefined);
    if (request.signal.aborted) abort();
    else request.signal.addEventListener("abort", abort, { once: true });
    outgoing.end(body);
  });
}
