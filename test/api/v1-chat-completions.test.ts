import fs from "node:fs";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { errorOf, LOCAL_HOST, localRequest, fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { GET as listModels } from "@/app/api/v1/models/route";
import handler from "@/pages/api/v1/chat/completions";
import { callApiRoute } from "@/test/api-route";

const TOKEN = "hf_gateway_route_token_42";
const router = fakeRouterPerFile({ token: TOKEN, chunkDelayMs: 1 });
const dirs = stateDirPerTest({
  prefix: "gateway-route",
  routerUrl: () => router().url,
  token: TOKEN,
  config: `{
      // primary fails, the fallback answers
      agents: { defaults: {
        model: { primary: "huggingface/fault/status-503", fallbacks: ["huggingface/Qwen/Qwen3-8B"] },
        models: { "huggingface/Qwen/Qwen3-8B:novita": { alias: "Nova" } },
      } },
    }`,
});

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  callApiRoute(handler, localRequest("/api/v1/chat/completions", { method: "POST", body, headers }));
const messages = [{ role: "user", content: "Hi" }];

describe("POST /api/v1/chat/completions", () => {
  it("answers `default` from the first fallback when the primary fails", async () => {
    const response = await chat({ model: "default", messages });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B");
    expect(response.headers.get("x-fallback-attempts")).toBe("1");
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toContain("fake router");
  });

  it("resolves an alias case-insensitively and keeps its suffix", async () => {
    const response = await chat({ model: "nova", messages, stream: true });
    expect(response.headers.get("x-model-ref")).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(response.headers.get("x-inference-provider")).toBe("novita");
    expect(await response.text()).toMatch(/data: \[DONE\]\n\n$/);
  });

  it("answers 401 token_invalid, not a network error, when the saved token is the dashboard's mask", async () => {
    fs.writeFileSync(dirs.envFile, "HF_TOKEN=hf_…x7Qz\n");
    const seen = router().requests.length;
    const response = await chat({ model: "default", messages });
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "token_invalid", type: "authentication_error" });
    expect(error.message).toContain("Settings page");
    expect(error.message).not.toMatch(/could not be reached|network/);
    expect(router().requests.length).toBe(seen);
  });

  it("uses only the requested model for an explicit ref", async () => {
    const response = await chat({ model: "huggingface/fault/status-503", messages });
    expect(response.status).toBe(503);
    expect(response.headers.get("x-fallback-attempts")).toBe("0");
  });

  it("refuses a bad ref with a 400 naming the bad part", async () => {
    const response = await chat({ model: "huggingface/Qwen/Qwen3-8B:Not Valid", messages });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_model" });
    expect(error.message).toMatch(/suffix/);
  });

  it("refuses bodies that are not chat requests", async () => {
    expect((await chat("{nope")).status).toBe(400);
    const response = await chat({ model: "default", messages: [] });
    expect(await errorOf(response)).toMatchObject({ code: "invalid_request" });
  });

  it("explains how to add a token when there is none", async () => {
    fs.rmSync(dirs.envFile);
    const response = await chat({ model: "default", messages });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toMatch(/Settings page/);
  });

  it("treats a malformed config as no settings", async () => {
    fs.writeFileSync(dirs.configFile, "{ agents: ");
    const response = await chat({ messages });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "no_default_model" });
  });

  it("resolves an alias anew once the config changed (the last resolution is kept per settings version)", async () => {
    expect((await chat({ model: "nova", messages })).headers.get("x-model-ref")).toBe(
      "huggingface/Qwen/Qwen3-8B:novita",
    );
    fs.writeFileSync(
      dirs.configFile,
      `{ agents: { defaults: { models: { "huggingface/Qwen/Qwen3-8B": { alias: "Nova" } } } } }`,
    );
    // The file watcher tells the config's memo within moments (at the latest after a second's re-stat).
    await expect
      .poll(async () => (await chat({ model: "nova", messages })).headers.get("x-model-ref"), { timeout: 3000 })
      .toBe("huggingface/Qwen/Qwen3-8B");
  });

  it("refuses another site's page", async () => {
    const response = await chat({ messages }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });

  it("answers other methods as an App Router route did: 405, and OPTIONS with the allowed methods", async () => {
    const get = await callApiRoute(handler, localRequest("/api/v1/chat/completions"));
    expect(get.status).toBe(405);
    const options = await callApiRoute(handler, localRequest("/api/v1/chat/completions", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("streams whole events through Node's response and ends a broken-off stream with an error event", async () => {
    const response = await chat({
      model: "huggingface/fault/drop",
      models: ["huggingface/Qwen/Qwen3-8B"],
      messages,
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-model-ref")).toBe("huggingface/fault/drop");
    const events = (await response.text()).split("\n\n").filter(Boolean);
    for (const event of events) expect(() => JSON.parse(event.replace(/^data: /, ""))).not.toThrow();
    expect(events.at(-1)).toContain('"stream_interrupted"');
  });

  it("reads a body that arrives after its headers, in pieces", async () => {
    // The handler runs as the headers come in, before the rest of the body is even sent.
    const server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const body = JSON.stringify({ model: "huggingface/Qwen/Qwen3-8B", messages });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/v1/chat/completions",
          headers: { host: LOCAL_HOST, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.flushHeaders();
      request.write(body.slice(0, 10));
      setImmediate(() => request.end(body.slice(10)));
    });
    server.close();
    expect(status).toBe(200);
  });

  it("never sends the HF token to the client", async () => {
    for (const model of ["default", "huggingface/fault/status-401", "huggingface/fault/status-402"]) {
      const response = await chat({ model, messages });
      const headers = JSON.stringify([...response.headers]);
      expect(`${headers}${await response.text()}`).not.toContain(TOKEN);
    }
  });
});

describe("GET /api/v1/models", () => {
  it("lists default, aliases and catalog refs in OpenAI's shape", async () => {
    const response = await listModels(localRequest("/api/v1/models"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: { id: string; object: string; ref?: string }[] };
    expect(body.object).toBe("list");
    const ids = body.data.map((m) => m.id);
    expect(ids[0]).toBe("default");
    expect(body.data.find((m) => m.id === "Nova")?.ref).toBe("huggingface/Qwen/Qwen3-8B:novita");
    expect(ids).toContain("huggingface/deepseek-ai/DeepSeek-R1");
    expect(ids.length).toBeGreaterThan(100);
    expect(body.data.every((m) => m.object === "model")).toBe(true);
  });
});
