import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { proxyFloor } from "./proxy-floor";
import { PROXY_FLOOR_ENV } from "./proxy-floor-env";

const servers: http.Server[] = [];
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A router that answers each chat with what it was sent: path, authorization, body. */
async function echoRouter(): Promise<string> {
  return listen((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`data: ${JSON.stringify({ path: req.url, authorization: req.headers.authorization ?? null, body })}\n\n`);
    });
  });
}

async function post(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers, body: '{"model":"m"}' });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("proxyFloor (the bench's trivial proxy route)", () => {
  it("is a 404 unless the server was started with HF_PICKER_BENCH_FLOOR=1", async () => {
    process.env.HF_ROUTER_URL = `${await echoRouter()}/v1`;
    delete process.env[PROXY_FLOOR_ENV];
    const dashboard = await listen(proxyFloor);
    expect((await post(`${dashboard}/api/floor/chat/completions`)).status).toBe(404);
  });

  it("pipes the body to the router's chat completions with the caller's own authorization, and the answer back", async () => {
    process.env.HF_ROUTER_URL = `${await echoRouter()}/v1/`;
    process.env[PROXY_FLOOR_ENV] = "1";
    const dashboard = await listen(proxyFloor);
    const answer = await post(`${dashboard}/api/floor/chat/completions`, { authorization: "Bearer caller-key" });
    expect(answer).toMatchObject({ status: 200, type: "text/event-stream" });
    expect(JSON.parse(answer.text.slice("data: ".length))).toEqual({
      path: "/v1/chat/completions",
      authorization: "Bearer caller-key",
      body: '{"model":"m"}',
    });
    // Without the caller's authorization, none is sent (the dashboard's token never is).
    const bare = await post(`${dashboard}/api/floor/chat/completions`);
    expect(JSON.parse(bare.text.slice("data: ".length)).authorization).toBeNull();
  });
});
