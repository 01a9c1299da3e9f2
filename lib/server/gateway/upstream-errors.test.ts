import { describe, expect, it } from "vitest";
import { mapFailure, noTokenError, summariseFailures, upstreamDetail } from "./upstream-errors";

const ctx = { ref: "huggingface/Qwen/Qwen3-8B", timeoutMs: 15_000 };

describe("upstreamDetail", () => {
  it("reads both router error shapes and plain text", () => {
    expect(upstreamDetail('{"error":{"message":"Model is overloaded","type":"server_error"}}')).toBe(
      "Model is overloaded",
    );
    expect(upstreamDetail('{"error":"Rate limit reached"}')).toBe("Rate limit reached");
    expect(upstreamDetail("upstream connect error")).toBe("upstream connect error");
  });

  it("drops HTML pages and empty bodies", () => {
    expect(upstreamDetail("<html><body>502 Bad Gateway</body></html>")).toBeNull();
    expect(upstreamDetail("")).toBeNull();
    expect(upstreamDetail(undefined)).toBeNull();
  });

  it("masks anything token-like, strips control characters and stays short", () => {
    const detail = upstreamDetail('{"error":"bad token hf_abcdefghijklmnop, Authorization: Bearer xyz123\\u0000"}');
    expect(detail).toBe("bad token hf_…, Authorization: Bearer …");
    expect(upstreamDetail("x".repeat(500))?.length).toBe(200);
  });
});

describe("mapFailure", () => {
  it.each([
    [401, 401, "authentication_error", /Make calls to Inference Providers/],
    [402, 402, "insufficient_quota", /out of Inference Providers credits/],
    [403, 403, "permission_error", /may not use/],
    [404, 404, "invalid_request_error", /not served by that provider/],
    [429, 429, "rate_limit_error", /rate limited/],
    [503, 503, "server_error", /temporarily unavailable/],
    [500, 502, "server_error", /HTTP 500/],
    [400, 400, "invalid_request_error", /refused/],
  ])("maps router %i to %i %s", (status, expected, type, message) => {
    const error = mapFailure({ kind: "status", status }, ctx);
    expect(error.status).toBe(expected);
    expect(error.body.error.type).toBe(type);
    expect(error.body.error.message).toMatch(message);
  });

  it("keeps the router's message, sanitised, and passes retry-after through", () => {
    const error = mapFailure(
      { kind: "status", status: 429 },
      { ...ctx, upstreamText: '{"error":"slow down"}', retryAfter: "7" },
    );
    expect(error.body.error.message).toMatch(/Router said: slow down$/);
    expect(error.headers).toEqual({ "retry-after": "7" });
  });

  it("maps timeouts to 504 and network errors to 502", () => {
    expect(mapFailure({ kind: "timeout" }, ctx)).toMatchObject({
      status: 504,
      body: { error: { code: "upstream_timeout" } },
    });
    expect(mapFailure({ kind: "timeout" }, ctx).body.error.message).toMatch(/15 s/);
    expect(mapFailure({ kind: "network" }, ctx)).toMatchObject({
      status: 502,
      body: { error: { code: "upstream_unreachable" } },
    });
  });
});

describe("summariseFailures", () => {
  it("lists every failed candidate before the last error", () => {
    const last = mapFailure({ kind: "status", status: 429 }, ctx);
    const all = summariseFailures(
      [
        { ref: "huggingface/a/b", outcome: { kind: "status", status: 503 } },
        { ref: "huggingface/Qwen/Qwen3-8B", outcome: { kind: "status", status: 429 } },
      ],
      last,
    );
    expect(all.status).toBe(429);
    expect(all.body.error.message).toMatch(
      /^All 2 candidate models failed: huggingface\/a\/b \(503\), huggingface\/Qwen\/Qwen3-8B \(429\)\. Last error: /,
    );
  });
});

it("tells how to add a missing token", () => {
  expect(noTokenError()).toMatchObject({ status: 401, body: { error: { code: "no_token" } } });
  expect(noTokenError().body.error.message).toMatch(/Settings page.*HF_TOKEN/);
});
