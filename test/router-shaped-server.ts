import http from "node:http";
import type { AddressInfo } from "node:net";

/** A minimal, independent router-shaped server for route tests: serves one canned `/v1/models` body. */
export async function startRouterShapedServer(body: unknown, options: { token?: string; status?: number } = {}) {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "Invalid credentials" }));
      return;
    }
    res.writeHead(options.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
