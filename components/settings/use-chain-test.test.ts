// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChainInput, ChainTest } from "@/lib/catalog/chain-types";
import { queryWrapper } from "@/test/react/query-wrapper";
import { useChainTest } from "./use-chain-test";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const LLAMA = "huggingface/meta-llama/Llama-3.1-8B-Instruct";

/** `/api/settings/check/test` answering that the primary of the chain sent answered. */
function fakeTestApi() {
  const sent: ChainInput[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit = {}) => {
      const chain = JSON.parse(String(init.body)) as ChainInput;
      sent.push(chain);
      const body: ChainTest = {
        results: [
          {
            ref: chain.primary ?? "",
            position: 0,
            ok: true,
            status: 200,
            outcome: "ok",
            message: null,
            provider: "novita",
            ttftMs: 10,
            totalMs: 20,
            fallsBack: false,
          },
        ],
        verdict: { answeredBy: chain.primary, reasons: [] },
      };
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    }),
  );
  return sent;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("useChainTest", () => {
  it("tests the chain on screen and keeps its results while that chain is shown", async () => {
    const sent = fakeTestApi();
    const { wrapper } = queryWrapper();
    const edited: ChainInput = { primary: QWEN, fallbacks: [LLAMA] };
    const { result, rerender } = renderHook(({ chain }) => useChainTest(chain), {
      wrapper,
      initialProps: { chain: edited },
    });

    act(() => result.current.run());
    await waitFor(() => expect(result.current.results?.verdict.answeredBy).toBe(QWEN));
    expect(sent).toEqual([edited]);

    // The same chain again (a new object, as after the debounced check of the edit landed): results stay.
    rerender({ chain: { primary: QWEN, fallbacks: [LLAMA] } });
    expect(result.current.results?.verdict.answeredBy).toBe(QWEN);

    // Another chain on screen: these results are not about it; undoing the edit brings them back.
    rerender({ chain: { primary: R1, fallbacks: [LLAMA] } });
    expect(result.current.results).toBeNull();
    rerender({ chain: edited });
    expect(result.current.results?.verdict.answeredBy).toBe(QWEN);
  });
});
