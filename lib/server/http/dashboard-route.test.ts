import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { dashboardRoute } from "./dashboard-route";
import { AppError } from "./errors";

const URL_ = "http://127.0.0.1:3000/api/thing";
const FOREIGN = { origin: "https://evil.example" };

function call(route: (r: Request) => Promise<Response>, init: RequestInit = {}): Promise<Response> {
  return route(new Request(URL_, init));
}
const put = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: "PUT",
  headers: { "content-type": "application/json", ...headers },
  body,
});

afterEach(() => vi.restoreAllMocks());

describe("dashboardRoute", () => {
  it("answers a value as JSON, never cached", async () => {
    const response = await call(dashboardRoute({}, () => ({ ok: 1 })));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: 1 });
  });

  it("keeps a handler's own headers and adds no-store", async () => {
    const route = dashboardRoute({}, () => Response.json({}, { headers: { etag: '"x"' } }));
    const response = await call(route);
    expect(response.headers.get("etag")).toBe('"x"');
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a foreign origin before anything else, unless the route is open", async () => {
    const handler = vi.fn(() => ({}));
    const response = await call(dashboardRoute({ body: z.object({}) }, handler), put("nope", FOREIGN));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(handler).not.toHaveBeenCalled();
    expect((await call(dashboardRoute({ sameOrigin: false }, handler), { headers: FOREIGN })).status).toBe(200);
  });

  it("asks for If-Match before reading the body", async () => {
    const route = dashboardRoute({ ifMatch: true, body: z.object({ a: z.string() }) }, ({ ifMatch }) => ({ ifMatch }));
    const missing = await call(route, put("not json"));
    expect(missing.status).toBe(428);
    expect(await missing.json()).toMatchObject({ error: { code: "precondition_required" } });
    expect(await (await call(route, put('{"a":"b"}', { "if-match": '"e"' }))).json()).toEqual({ ifMatch: '"e"' });
  });

  it("parses the body with its schema and names the bad fields", async () => {
    const route = dashboardRoute({ body: z.object({ token: z.string() }) }, ({ body }) => ({ got: body.token }));
    expect(await (await call(route, put('{"token":"t"}'))).json()).toEqual({ got: "t" });
    const notJson = await call(route, put("{"));
    expect(notJson.status).toBe(400);
    const wrong = await (await call(route, put('{"token":1}'))).json();
    expect(wrong).toMatchObject({ error: { code: "bad_request", issues: [{ path: "token" }] } });
  });

  it("maps an AppError to its status and hides anything else behind a logged 500", async () => {
    const refused = dashboardRoute({}, () => {
      throw new AppError("token_from_env", "From the environment");
    });
    const response = await call(refused);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "token_from_env", message: "From the environment" } });

    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = dashboardRoute({}, () => {
      throw new Error("secret detail");
    });
    const failed = await call(broken, { method: "DELETE" });
    expect(failed.status).toBe(500);
    expect(failed.headers.get("cache-control")).toBe("no-store");
    expect(JSON.stringify(await failed.json())).not.toContain("secret detail");
    expect(log).toHaveBeenCalledWith("[DELETE /api/thing] unexpected error", expect.any(Error));
  });

  it("passes the path's parsed params, and answers 404 for a malformed one", async () => {
    const route = dashboardRoute({ params: z.object({ id: z.string().regex(/^\d+$/) }) }, ({ params }) => params);
    const ok = await route(new Request(URL_), { params: Promise.resolve({ id: "12" }) });
    expect(await ok.json()).toEqual({ id: "12" });
    const bad = await route(new Request(URL_), { params: Promise.resolve({ id: "../x" }) });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
