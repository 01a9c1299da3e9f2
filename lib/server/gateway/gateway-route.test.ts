import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { gatewayRoute } from "./gateway-route";

const URL_ = "http://127.0.0.1:3000/api/v1/thing";
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

afterEach(() => vi.restoreAllMocks());

describe("gatewayRoute", () => {
  const route = gatewayRoute({ body: z.object({ model: z.string() }) }, async ({ body }) => Response.json(body));

  it("passes a valid body to the handler", async () => {
    expect(await (await route(post('{"model":"m"}'))).json()).toEqual({ model: "m" });
  });

  it("answers bad bodies in OpenAI's shape, naming the field", async () => {
    const notJson = await route(post("{"));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { type: "invalid_request_error", code: "invalid_json" } });
    const wrong = await (await route(post('{"model":1}'))).json();
    expect(wrong).toMatchObject({ error: { code: "invalid_request", param: "model" } });
  });

  it("refuses a foreign page before reading the body", async () => {
    const response = await route(post("{", { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { type: "permission_error", code: "forbidden_origin" } });
  });

  it("logs the unexpected and answers a 500 server_error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = gatewayRoute({}, async () => {
      throw new Error("secret detail");
    });
    const response = await broken(new Request(URL_));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toMatchObject({ error: { type: "server_error", code: "internal" } });
    expect(JSON.stringify(body)).not.toContain("secret detail");
    expect(log).toHaveBeenCalledWith("[GET /api/v1/thing] unexpected error", expect.any(Error));
  });
});
