import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchLiveModels, RouterError } from "./router-client";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.unstubAllGlobals();
});

async function failureOf(promise: Promise<unknown>): Promise<RouterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RouterError);
  return error as RouterError;
}

describe("routerFetch and a token that cannot go in a header", () => {
  it("calls a saved mask a bad token, not an unreachable router, and sends nothing", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    const fetchSpy = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchSpy);
    const error = await failureOf(fetchLiveModels("hf_…x7Qz"));
    expect(error.kind).toBe("bad_token");
    expect(error.message).toContain("Replace it on the Settings page");
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("classifies fetch's ByteString error as a bad token", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>(() =>
        Promise.reject(new TypeError("Cannot convert argument to a ByteString because the character at index 7")),
      ),
    );
    expect((await failureOf(fetchLiveModels("hf_abc123"))).kind).toBe("bad_token");
  });

  it("still calls a refused connection unreachable", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    expect((await failureOf(fetchLiveModels("hf_abc123"))).kind).toBe("unreachable");
  });
});
