import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { nodeReader, upstreamFetch, type UpstreamReader } from "./upstream-http";

let server: http.Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A local upstream that answers with `handler`; resolves with its URL. */
async function upstream(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const post = (url: string, signal = new AbortController().signal) =>
  upstreamFetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal });

async function readAll(reader: UpstreamReader): Promise<string> {
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += Buffer.from(value).toString("utf8");
  }
}

describe("upstreamFetch", () => {
  it("sends a request again when the kept-alive socket it reused was closed by the router meanwhile", async () => {
    // A raw upstream: the first request on a connection is answered and the connection kept; a second
    // one on the same connection is met with a reset, as from a router that dropped an idle socket.
    let connections = 0;
    const raw = net.createServer((socket) => {
      connections += 1;
      let requests = 0;
      socket.on("data", (data) => {
        if (!data.toString("latin1").includes("\r\n\r\n{}")) return;
        requests += 1;
        if (requests > 1) return socket.resetAndDestroy();
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok");
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await post(url);
        expect(answer.status).toBe(200);
        expect(await readAll(answer.body!)).toBe("ok");
      }
      expect(connections).toBe(3);
    } finally {
      raw.close();
    }
  });

  it("resolves at the headers and reads the body chunk by chunk to its end", async () => {
    const url = await upstream((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream", "x-inference-provider": "novita" });
      res.write("data: 1\n\n");
      setTimeout(() => res.end("data: 2\n\n"), 20);
    });
    const answer = await post(url);
    expect(answer).toMatchObject({ status: 200, ok: true });
    expect(answer.header("x-inference-provider")).toBe("novita");
    expect(answer.header("retry-after")).toBeNull();
    expect(await readAll(answer.body as UpstreamReader)).toBe("data: 1\n\ndata: 2\n\n");
    await expect(answer.body?.closed).resolves.toBeUndefined();
  });

  it("gives every byte of a body larger than what it queues unread (the socket pauses meanwhile)", async () => {
    const chunk = "x".repeat(16 * 1024);
    let written = 0;
    const url = await upstream((_req, res) => {
      res.writeHead(200);
      const more = () => {
        while (written < 64) {
          written += 1;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end();
      };
      more();
    });
    const answer = await post(url);
    expect((await readAll(answer.body as UpstreamReader)).length).toBe(64 * chunk.length);
  });

  it("fails a read and its closed promise when the body breaks off", async () => {
    const url = await upstream((_req, res) => {
      res.writeHead(200, { "content-length": "1000" });
      res.write("partial");
      setTimeout(() => res.destroy(), 20);
    });
    const answer = await post(url);
    await expect(readAll(answer.body as UpstreamReader)).rejects.toThrow();
    await expect(answer.body?.closed).rejects.toThrow();
  });

  it("ends reading on cancel and drops the answer's connection", async () => {
    let closed = false;
    const url = await upstream((_req, res) => {
      res.writeHead(200);
      res.write("data: 1\n\n");
      res.on("close", () => (closed = true));
    });
    const answer = await post(url);
    const reader = answer.body as UpstreamReader;
    await reader.read();
    const pending = reader.read();
    await reader.cancel();
    expect(await pending).toEqual({ done: true, value: undefined });
    await expect(reader.closed).resolves.toBeUndefined();
    await expect.poll(() => closed).toBe(true);
  });

  it("rejects with the signal's reason when aborted before the headers", async () => {
    const url = await upstream(() => undefined);
    const controller = new AbortController();
    const pending = post(url, controller.signal);
    controller.abort(new Error("client went away"));
    await expect(pending).rejects.toThrow("client went away");
  });

  it("hands over everything that arrived while nobody read as one piece, then waits for more", async () => {
    const body = new PassThrough();
    const reader = nodeReader(body as unknown as http.IncomingMessage);
    body.write("data: 1\n\n");
    body.write("data: 2\n\n");
    await new Promise((resolve) => setImmediate(resolve));
    const first = await reader.read();
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe("data: 1\n\ndata: 2\n\n");
    const next = reader.read();
    body.end("data: 3\n\n");
    expect(Buffer.from((await next).value as Uint8Array).toString()).toBe("data: 3\n\n");
    expect((await reader.read()).done).toBe(true);
  });
});
