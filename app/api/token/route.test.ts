import fs from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_TOKEN } from "@/test/fake-router/test-helpers";
import { fakeRouterPerFile, stateDirPerTest } from "@/test/route-fixture";
import { tokenSaveResultSchema, tokenStateSchema } from "@/lib/settings/settings-types";
import { DELETE, GET, PUT } from "./route";

const invalidateCatalog = vi.hoisted(() => vi.fn());
vi.mock("@/lib/server/catalog/catalog-service", () => ({ invalidateCatalog }));

const URL_ = "http://127.0.0.1:3000/api/token";
const WRONG = "hf_wrong_token_for_tests_1234";

const router = fakeRouterPerFile({ port: 0, token: TEST_TOKEN });
const dirs = stateDirPerTest({ prefix: "token-route", routerUrl: () => router().url });
/** Every body answered in this file, to check that none holds a token. */
const bodies: string[] = [];

afterAll(() => {
  for (const body of bodies) {
    expect(body).not.toContain(TEST_TOKEN);
    expect(body).not.toContain(WRONG);
  }
});
beforeEach(() => {
  process.env.ROUTER_TIMEOUT_MS = "3000";
  invalidateCatalog.mockClear();
});

async function call(
  handler: (r: Request) => Promise<Response>,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { "content-type": "application/json", ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await handler(new Request(URL_, init));
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, body: JSON.parse(text) as Record<string, never> };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("PUT /api/token", () => {
  it("checks the token with the router, saves it trimmed in <state>/.env and answers only its mask", async () => {
    await fs.writeFile(dirs.envFile, "OTHER=kept\n");
    const { status, body } = await call(PUT, "PUT", { token: `  ${TEST_TOKEN}\n` });
    expect(status).toBe(200);
    expect(tokenSaveResultSchema.parse(body)).toEqual({
      token: { present: true, source: "file:HF_TOKEN", masked: "hf_…0000" },
    });
    expect(await fs.readFile(dirs.envFile, "utf8")).toBe(`OTHER=kept\nHF_TOKEN=${TEST_TOKEN}\n`);
    expect(router().requests.at(-1)).toMatchObject({ path: "/v1/models", auth: "valid" });
    expect(invalidateCatalog).toHaveBeenCalledTimes(1);
  });

  it("refuses a token the router rejects (400) naming the permission it needs", async () => {
    const { status, body } = await call(PUT, "PUT", { token: WRONG });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "token_rejected" });
    expect(JSON.stringify(body)).toContain("Make calls to Inference Providers");
    expect(JSON.stringify(body)).toContain("https://huggingface.co/settings/tokens/new");
    await expect(fs.access(dirs.envFile)).rejects.toThrow();
    expect(invalidateCatalog).not.toHaveBeenCalled();
  });

  it("saves anyway with a warning when the router is unreachable", async () => {
    process.env.HF_ROUTER_URL = `http://127.0.0.1:${await freePort()}/v1`;
    const { status, body } = await call(PUT, "PUT", { token: TEST_TOKEN });
    expect(status).toBe(200);
    const result = tokenSaveResultSchema.parse(body);
    expect(result.token.present).toBe(true);
    expect(result.warning).toContain("saved without being checked");
  });

  it("refuses to save over a token from the server's environment (409)", async () => {
    process.env.HF_TOKEN = TEST_TOKEN;
    const { status, body } = await call(PUT, "PUT", { token: TEST_TOKEN });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({
      code: "token_from_env",
      message: expect.stringContaining("Change or unset HF_TOKEN"),
    });
    await expect(fs.access(dirs.envFile)).rejects.toThrow();
  });

  it("answers 400 for an empty token or one with spaces", async () => {
    expect((await call(PUT, "PUT", { token: "   " })).body.error).toMatchObject({
      code: "validation",
      issues: [{ path: "token" }],
    });
    expect((await call(PUT, "PUT", { token: "hf_a b" })).status).toBe(400);
    expect((await call(PUT, "PUT", {})).status).toBe(400);
  });

  it.each([
    ["the mask the dashboard shows", "hf_…x7Qz", "masked token the dashboard shows"],
    ["curly quotes", "\u201chf_abcdef123456\u201d", "quotation mark"],
    ["CJK characters", "hf_令牌abcdef", "“令” (U+4EE4)"],
    ["a control character", "hf_abc\u0001def", "control character (U+0001)"],
    ["an escape sequence", "hf_abc\u001b[31mdef", "control character (U+001B)"],
  ])("refuses %s with 400, says why, and keeps the working token", async (_name, token, reason) => {
    const before = `OTHER=kept\nHF_TOKEN=${TEST_TOKEN}\n`;
    await fs.writeFile(dirs.envFile, before);
    const seen = router().requests.length;
    const { status, body } = await call(PUT, "PUT", { token });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "validation", issues: [{ path: "token" }] });
    expect(JSON.stringify(body)).toContain(reason);
    expect(JSON.stringify(body)).not.toContain("not reachable");
    expect(await fs.readFile(dirs.envFile, "utf8")).toBe(before);
    expect(router().requests.length).toBe(seen);
    expect(invalidateCatalog).not.toHaveBeenCalled();
  });

  it("answers 403 for a foreign Origin", async () => {
    const { status } = await call(PUT, "PUT", { token: TEST_TOKEN }, { origin: "https://evil.example" });
    expect(status).toBe(403);
    await expect(fs.access(dirs.envFile)).rejects.toThrow();
  });

  it("answers 507 when the .env file cannot be written", async () => {
    const blocker = path.join(dirs.dir, "file");
    await fs.writeFile(blocker, "");
    process.env.OPENCLAW_STATE_DIR = path.join(blocker, "state");
    const { status, body } = await call(PUT, "PUT", { token: TEST_TOKEN });
    expect(status).toBe(507);
    expect(body.error).toMatchObject({ code: "config_unwritable" });
  });
});

describe("DELETE /api/token and GET /api/token", () => {
  it("removes the saved token, keeping other lines", async () => {
    await fs.writeFile(dirs.envFile, `OTHER=kept\nHF_TOKEN=${TEST_TOKEN}\n`);
    expect(tokenStateSchema.parse((await call(GET, "GET")).body.token)).toEqual({
      present: true,
      source: "file:HF_TOKEN",
      masked: "hf_…0000",
    });
    const { status, body } = await call(DELETE, "DELETE");
    expect(status).toBe(200);
    expect(body).toEqual({ token: { present: false, source: null, masked: null } });
    expect(await fs.readFile(dirs.envFile, "utf8")).toBe("OTHER=kept\n");
    expect(invalidateCatalog).toHaveBeenCalledTimes(1);
  });

  it("refuses when the token comes from the environment (409) or from another site (403)", async () => {
    process.env.HUGGINGFACE_HUB_TOKEN = TEST_TOKEN;
    expect((await call(DELETE, "DELETE")).body.error).toMatchObject({ code: "token_from_env" });
    delete process.env.HUGGINGFACE_HUB_TOKEN;
    expect((await call(DELETE, "DELETE", undefined, { origin: "https://evil.example" })).status).toBe(403);
  });
});
