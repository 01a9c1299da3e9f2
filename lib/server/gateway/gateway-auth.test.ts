import { describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/server/env";
import { checkGatewayAccess } from "./gateway-auth";
import { isLoopbackHost } from "@/lib/server/http/origin-guard";

const URL_ = "http://127.0.0.1:3000/api/v1/chat/completions";
const request = (headers: Record<string, string> = {}) =>
  new Request(URL_, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });
const loopback = serverEnv({});
const exposed = serverEnv({ HOST: "192.168.1.5", DASHBOARD_API_KEY: "dash-key-123" });

async function errorOf(response: Response | null) {
  expect(response).not.toBeNull();
  return {
    status: response!.status,
    body: (await response!.json()) as { error: { code: string; type: string; message: string } },
  };
}

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.5", false],
  ])("%s -> %s", (host, expected) => expect(isLoopbackHost(host)).toBe(expected));
});

describe("checkGatewayAccess on loopback", () => {
  it("lets SDKs in with any dummy key and no Origin", () => {
    expect(checkGatewayAccess(request({ authorization: "Bearer anything" }), loopback)).toBeNull();
  });

  it("lets the dashboard's own pages in", () => {
    expect(checkGatewayAccess(request({ origin: "http://127.0.0.1:3000" }), loopback)).toBeNull();
  });

  it("refuses another site's page with an OpenAI-shaped 403", async () => {
    const { status, body } = await errorOf(checkGatewayAccess(request({ origin: "https://evil.example" }), loopback));
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", code: "forbidden_origin" });
  });

  it("refuses a rebinding host name", async () => {
    expect((await errorOf(checkGatewayAccess(request({ host: "evil.example:3000" }), loopback))).status).toBe(403);
  });
});

describe("checkGatewayAccess beyond loopback", () => {
  it("wants the dashboard key, never the HF token", async () => {
    const none = await errorOf(checkGatewayAccess(request(), exposed));
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("invalid_api_key");
    const wrong = await errorOf(checkGatewayAccess(request({ authorization: "Bearer hf_someToken" }), exposed));
    expect(wrong.body.error.message).toMatch(/not your Hugging Face token/);
  });

  it("lets key holders in from any host name", () => {
    expect(
      checkGatewayAccess(request({ authorization: "Bearer dash-key-123", host: "box.lan:3000" }), exposed),
    ).toBeNull();
  });

  it("fails closed when no key is configured", async () => {
    const { status, body } = await errorOf(checkGatewayAccess(request(), serverEnv({ HOST: "0.0.0.0" })));
    expect(status).toBe(401);
    expect(body.error.code).toBe("gateway_key_not_configured");
  });
});
