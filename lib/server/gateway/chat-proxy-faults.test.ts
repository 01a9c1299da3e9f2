/**
 * The gateway against a router that misbehaves after answering: hanging or stalling bodies, a 200 that
 * is no event stream, broken first events and cut bodies (the fake router's faults, test/fake-router/faults.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { proxyChat, type ProxyChatInput } from "./chat-proxy";

const TOKEN = "hf_fake_unit_token_5678";
const QWEN = "huggingface/Qwen/Qwen3-8B";
let router: FakeRouter;

beforeAll(async () => {
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 1 });
});
afterAll(() => router.close());

function run(candidates: string[], overrides: Partial<ProxyChatInput> & { stream?: boolean } = {}) {
  const { stream = true, ...rest } = overrides;
  return proxyChat({
    candidates,
    body: { messages: [{ role: "user", content: "Hi" }], stream },
    token: TOKEN,
    routerUrl: router.url,
    signal: new AbortController().signal,
    firstByteTimeoutMs: 2_000,
    plainTimeoutMs: 2_000,
    ...rest,
  });
}

type ErrorBody = { error: { code: string; message: string } };
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe("plain answers: the first-byte timeout, then a bound on the body", () => {
  it("gives up on a hanging router after ROUTER_TIMEOUT_MS, not after the body's longer bound", async () => {
    // The test's own 5 s limit is the check: the body's bound here is two minutes.
    const response = await run([`huggingface/fault/hang`], {
      stream: false,
      firstByteTimeoutMs: 300,
      plainTimeoutMs: 120_000,
    });
    expect(response.status).toBe(504);
    const error = await errorOf(response);
    expect(error.code).toBe("upstream_timeout");
    expect(error.message).toContain("sent nothing within 0.3 s");
  });

  it("bounds a body that never comes after the headers, and falls back", async () => {
    const only = await run(["huggingface/fault/stall-body"], { stream: false, plainTimeoutMs: 300 });
    expect(only.status).toBe(504);
    expect((await errorOf(only)).message).toContain("did not arrive whole within 0.3 s");

    const fallback = await run(["huggingface/fault/stall-body", QWEN], { stream: false, plainTimeoutMs: 300 });
    expect(fallback.status).toBe(200);
    expect(fallback.headers.get("x-fallback-errors")).toBe("huggingface/fault/stall-body=timeout");
  });

  it("calls a body cut mid-way an interrupted answer, not an unreachable router", async () => {
    const response = await run(["huggingface/fault/drop"], { stream: false });
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.code).toBe("stream_interrupted");
    expect(error.message).not.toMatch(/could not be reached|network/);
  });
});

describe("streams: nothing is committed to the client before the first event parses", () => {
  it.each(["not-sse", "broken-first-event"])(
    "%s: a 200 that is no event stream of JSON falls back to the next candidate",
    async (fault) => {
      const response = await run([`huggingface/fault/${fault}`, QWEN]);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-model-ref")).toBe(QWEN);
      expect(response.headers.get("x-fallback-errors")).toBe(`huggingface/fault/${fault}=bad-response`);
      expect(await response.text()).toMatch(/data: \[DONE\]\n\n$/);
    },
  );

  it.each(["not-sse", "broken-first-event"])("%s: as the only candidate, an OpenAI-shaped 502", async (fault) => {
    const response = await run([`huggingface/fault/${fault}`]);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("application/json");
    const error = await errorOf(response);
    expect(error.code).toBe("upstream_bad_response");
    expect(error.message).toContain("not with an event stream of JSON");
  });

  it("gives up on a stream whose headers came but whose first event never does", async () => {
    const response = await run(["huggingface/fault/stall-body"], { firstByteTimeoutMs: 300 });
    expect(response.status).toBe(504);
    expect((await errorOf(response)).code).toBe("upstream_timeout");
  });

  it("lets a stream run past the first-byte timeout once its first event is in", async () => {
    const response = await run(["huggingface/fault/slow"], {
      firstByteTimeoutMs: 300,
      body: { messages: [{ role: "user", content: "Hi" }], stream: true, max_tokens: 4 },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(await response.text()).toMatch(/data: \[DONE\]\n\n$/);
  });
});
