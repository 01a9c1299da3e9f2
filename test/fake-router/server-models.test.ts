import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "./server";
import { TEST_TOKEN } from "./test-helpers";
import type { RouterModel } from "./types";

interface ListBody {
  object: string;
  data: RouterModel[];
}

function list(router: FakeRouter, token?: string): Promise<Response> {
  return fetch(`${router.url}/models`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe("fake router: health and model list", () => {
  let router: FakeRouter;
  beforeAll(async () => {
    router = await startFakeRouter({ port: 0, token: TEST_TOKEN });
  });
  afterAll(() => router.close());

  it("answers /health and has a /v1 base URL on loopback", async () => {
    expect(router.url).toBe(`http://127.0.0.1:${router.port}/v1`);
    const res = await fetch(`http://127.0.0.1:${router.port}/health`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("lists every model with the right token and without one", async () => {
    const withToken = (await (await list(router, TEST_TOKEN)).json()) as ListBody;
    expect(withToken.object).toBe("list");
    expect(withToken.data.length).toBe(router.modelCount);
    expect(withToken.data.length).toBeGreaterThanOrEqual(100);
    const anonymous = (await (await list(router)).json()) as ListBody;
    expect(anonymous.data.length).toBe(router.modelCount);
  });

  it("refuses a wrong token with 401 in the router's shape", async () => {
    const res = await list(router, "hf_wrong");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { message: "Invalid credentials in Authorization header", type: "invalid_request_error" },
    });
  });

  it("records requests without the token value", async () => {
    await list(router, TEST_TOKEN);
    const last = router.requests.at(-1);
    expect(last).toMatchObject({ method: "GET", path: "/v1/models", auth: "valid" });
    expect(last?.headers.authorization).toBe("[redacted]");
    expect(JSON.stringify(router.requests)).not.toContain(TEST_TOKEN);
  });

  it("answers 404 for unknown paths", async () => {
    expect((await fetch(`${router.url}/nothing`)).status).toBe(404);
  });
});

describe("fake router: options", () => {
  it("serves only part of the list without a token when asked", async () => {
    const router = await startFakeRouter({ token: TEST_TOKEN, anonymousModelLimit: 20 });
    try {
      expect(((await (await list(router)).json()) as ListBody).data).toHaveLength(20);
      expect(((await (await list(router, TEST_TOKEN)).json()) as ListBody).data.length).toBeGreaterThan(100);
    } finally {
      await router.close();
    }
  });

  // Speed is measured by `npm run bench`, never asserted here: machines are noisy, so the
  // time limit is generous (a busy CI machine needs more than the default 5 s for 10,000 models).
  it("serves 10,000 extra models", { timeout: 30_000 }, async () => {
    const router = await startFakeRouter({ token: TEST_TOKEN, extraModels: 10_000 });
    try {
      const body = (await (await list(router, TEST_TOKEN)).json()) as ListBody;
      expect(body.data.length).toBeGreaterThan(10_000);
    } finally {
      await router.close();
    }
  });
});
