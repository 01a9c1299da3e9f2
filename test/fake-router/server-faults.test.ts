import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeRouter, type FakeRouter } from "./server";
import { chat, readSse, TEST_TOKEN } from "./test-helpers";

describe("fake router: scripted faults", () => {
  let router: FakeRouter;
  beforeAll(async () => {
    router = await startFakeRouter({ token: TEST_TOKEN, chunkDelayMs: 1 });
  });
  afterAll(() => router.close());

  it.each([
    ["status-400", 400, /Bad request/],
    ["status-401", 401, /Invalid credentials/],
    ["status-402", 402, /exceeded your monthly included credits/],
    ["status-404", 404, /not supported by any provider/],
    ["status-429", 429, /Rate limit/],
    ["status-500", 500, /Internal server error/],
    ["status-503", 503, /Service Unavailable/],
  ])("%s answers %i, by header and by fault/ model", async (fault, status, message) => {
    for (const res of [
      await chat(router, { model: "Qwen/Qwen3-8B", stream: true }, { "x-fake-fault": fault }),
      await chat(router, { model: `fault/${fault}`, stream: true }),
    ]) {
      expect(res.status).toBe(status);
      expect(JSON.stringify(await res.json())).toMatch(message);
      if (status === 429) expect(res.headers.get("retry-after")).toBe("7");
    }
  });

  it("slow: a whole answer, only at a pace a person can press Stop in", async () => {
    const res = await chat(router, { model: "fault/slow", stream: true, max_tokens: 4 });
    expect(res.status).toBe(200);
    const { data } = await readSse(res);
    expect(data.length).toBeGreaterThan(2);
    expect(data.at(-1)).toBe("[DONE]");
  });

  it("not-sse: a stream request answered 200 with an HTML page", async () => {
    const res = await chat(router, { model: "fault/not-sse", stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("<html>");
  });

  it("broken-first-event: a stream whose first event is cut-off JSON", async () => {
    const res = await chat(router, { model: "fault/broken-first-event", stream: true });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const { data } = await readSse(res);
    expect(() => JSON.parse(data[0] ?? "")).toThrow();
  });

  it("stall-body: 200 and headers, then nothing", async () => {
    const controller = new AbortController();
    const res = await chat(router, { model: "fault/stall-body" }, {}, { signal: controller.signal });
    expect(res.status).toBe(200);
    const read = res.text().catch(() => "aborted");
    controller.abort();
    expect(await read).toBe("aborted");
  });

  it("refuses an unknown x-fake-fault value", async () => {
    expect((await chat(router, { model: "Qwen/Qwen3-8B" }, { "x-fake-fault": "status-999" })).status).toBe(400);
  });

  it("malformed: a stream with a chunk that is not JSON", async () => {
    const res = await chat(router, { model: "fault/malformed", stream: true });
    expect(res.status).toBe(200);
    const { data } = await readSse(res);
    expect(data).toContain("{not json");
    expect(data.at(-1)).toBe("[DONE]");
  });

  it("malformed: a JSON body that does not parse", async () => {
    const res = await chat(router, { model: "Qwen/Qwen3-8B" }, { "x-fake-fault": "malformed" });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it("drop: two chunks, then the connection is cut", async () => {
    const res = await chat(router, { model: "fault/drop", stream: true });
    expect(res.status).toBe(200);
    const { data, error } = await readSse(res);
    expect(data).toHaveLength(2);
    expect(error).toBeDefined();
    await vi.waitFor(() =>
      expect(router.requests.at(-1)).toMatchObject({ model: "fault/drop", completed: false, aborted: false }),
    );
  });

  it("hang: nothing is sent until the client aborts, and the abort is recorded", async () => {
    const controller = new AbortController();
    const pending = chat(router, { model: "fault/hang", stream: true }, {}, { signal: controller.signal });
    await vi.waitFor(() => expect(router.requests.at(-1)?.model).toBe("fault/hang"));
    const record = router.requests.at(-1);
    expect(record?.status).toBeUndefined();
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(record?.aborted).toBe(true));
  });

  it("records a client that aborts mid-stream", async () => {
    const controller = new AbortController();
    const res = await chat(
      router,
      { model: "Qwen/Qwen3-8B", stream: true },
      { "x-fake-chunk-delay-ms": "200" },
      { signal: controller.signal },
    );
    const record = router.requests.at(-1);
    controller.abort();
    await expect(res.text()).rejects.toThrow();
    await vi.waitFor(() => expect(record).toMatchObject({ aborted: true, completed: false }));
  });
});

describe("fake router: close()", () => {
  it("returns promptly while hanging and streaming requests are open", async () => {
    const router = await startFakeRouter({ token: TEST_TOKEN, chunkDelayMs: 1_000 });
    const hang = chat(router, { model: "fault/hang" }).catch((error: unknown) => error);
    const stream = chat(router, { model: "Qwen/Qwen3-8B", stream: true }).then((res) => readSse(res));
    await vi.waitFor(() => expect(router.requests).toHaveLength(2));
    // close() resolving at all (hang and stream still open) is the point; a hang would hit the test timeout.
    await router.close();
    expect(await hang).toBeInstanceOf(Error);
    expect((await stream).error).toBeDefined();
    await router.close();
  });
});
