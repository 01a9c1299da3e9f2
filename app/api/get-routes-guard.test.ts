/**
 * Every GET that shows local details (config path, token mask, aliases, the config itself) refuses a
 * foreign Origin and a Host that DNS rebinding could point at the dashboard; only /api/health is open.
 */
import { describe, expect, it } from "vitest";
import { UNREACHABLE_ROUTER, stateDirPerTest } from "@/test/route-fixture";
import { GET as health } from "./health/route";
import { GET as models } from "./models/route";
import { GET as settings } from "./settings/route";
import { GET as status } from "./status/route";
import { GET as token } from "./token/route";
import { GET as gatewayModels } from "./v1/models/route";

stateDirPerTest({ prefix: "get-guard", routerUrl: () => UNREACHABLE_ROUTER });

const ROUTES = { status, models, settings, token, gatewayModels };
const get = (route: (r: Request) => Promise<Response>, headers: Record<string, string>) =>
  route(new Request("http://127.0.0.1:3000/api/x", { headers }));

describe("GET routes with local details", () => {
  it.each(Object.entries(ROUTES))("%s refuses a rebinding Host and a foreign Origin", async (_name, route) => {
    expect((await get(route, { host: "attacker.example:3000" })).status).toBe(403);
    expect((await get(route, { host: "127.0.0.1:3000", origin: "http://attacker.example" })).status).toBe(403);
  });

  it.each(Object.entries(ROUTES))("%s answers the dashboard's own pages and local tools", async (_name, route) => {
    expect((await get(route, { host: "127.0.0.1:3000" })).status).toBe(200);
    expect((await get(route, { host: "localhost:3000", origin: "http://localhost:3000" })).status).toBe(200);
  });

  it("leaves /api/health open to any caller", async () => {
    expect((await get(health, { host: "attacker.example:3000", origin: "http://attacker.example" })).status).toBe(200);
  });
});
