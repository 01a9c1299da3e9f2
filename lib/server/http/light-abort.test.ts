import { describe, expect, it, vi } from "vitest";
import { LightAbort } from "./light-abort";

describe("LightAbort", () => {
  it("calls each listener once, with the reason on the signal, as an AbortController does", () => {
    const abort = new LightAbort();
    const seen: unknown[] = [];
    abort.signal.addEventListener("abort", () => seen.push(abort.signal.reason), { once: true });
    abort.signal.addEventListener("abort", () => seen.push("second"));
    expect(abort.signal.aborted).toBe(false);
    abort.abort("why");
    abort.abort("again");
    expect(abort.signal).toMatchObject({ aborted: true, reason: "why" });
    expect(seen).toEqual(["why", "second"]);
  });

  it("never calls a listener removed before, or added after, the abort", () => {
    const abort = new LightAbort();
    const removed = vi.fn();
    const late = vi.fn();
    abort.signal.addEventListener("abort", removed);
    abort.signal.removeEventListener("abort", removed);
    abort.abort();
    abort.signal.addEventListener("abort", late);
    expect(removed).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
    expect(abort.signal.reason).toBeInstanceOf(DOMException);
    expect((abort.signal.reason as DOMException).name).toBe("AbortError");
  });

  it("calls the other listeners when one throws, and reports the error later as an uncaught one", async () => {
    const abort = new LightAbort();
    const after = vi.fn();
    const reported = new Promise<unknown>((resolve) => {
      const original = process.listeners("uncaughtException");
      process.removeAllListeners("uncaughtException");
      process.once("uncaughtException", (error) => {
        for (const listener of original) process.on("uncaughtException", listener);
        resolve(error);
      });
    });
    abort.signal.addEventListener("abort", () => {
      throw new Error("listener broke");
    });
    abort.signal.addEventListener("abort", after);
    abort.abort();
    expect(after).toHaveBeenCalledOnce();
    expect(String(await reported)).toContain("listener broke");
  });
});
