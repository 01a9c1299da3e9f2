import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { gatewayApiRoute } from "./gateway-api-route";

let server: http.Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A server whose only route echoes the parsed body; resolves with its port. */
async function echoServer(): Promise<number> {
  const route = gatewayApiRoute({ body: z.object({ n: z.number() }) }, async ({ body }) => Response.json(body));
  server = http.createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A POST whose body is written in `parts`, `gapMs` apart; resolves with status and text. */
function post(port: number, parts: string[], gapMs = 0): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const length = Buffer.byteLength(parts.join(""));
    const request = http.request(
      { host: "127.0.0.1", port, path: "/", method: "POST", headers: { "content-length": String(length) } },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    const [first = "", ...rest] = parts;
    request.write(first);
    let at = 0;
    for (const part of rest) setTimeout(() => request.write(part), (at += gapMs));
    setTimeout(() => request.end(), at + gapMs);
  });
}

describe("gatewayApiRoute", () => {
  it("takes a body that arrived with its headers", async () => {
    const port = await echoServer();
    for (let i = 0; i < 3; i++) expect(await post(port, ['{"n":1}'])).toEqual({ status: 200, text: '{"n":1}' });
  });

  it("waits for a body that arrives in pieces", async () => {
    const port = await echoServer();
    expect(await post(port, ['{"n"', ":2", "}"], 20)).toEqual({ status: 200, text: '{"n":2}' });
  });

  it("answers a body that is not JSON, or not the schema's, with OpenAI's 400", async () => {
    const port = await echoServer();
    const notJson = await post(port, ["{"]);
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text)).toMatchObject({ error: { code: "invalid_json" } });
    const wrong = await post(port, ['{"n":"x"}']);
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.text)).toMatchObject({ error: { code: "invalid_request", param: "n" } });
  });
});
