import { describe, expect, it } from "vitest";
import { outcomeLabel, shouldFallback, type AttemptOutcome } from "./fallback-decision";

describe("shouldFallback", () => {
  it.each([402, 404, 408, 429, 500, 502, 503, 504, 599])("tries the next model after status %i", (status) => {
    expect(shouldFallback({ kind: "status", status })).toBe(true);
  });

  it.each([400, 401, 403, 405, 409, 413, 422])("stops on status %i: every model would fail alike", (status) => {
    expect(shouldFallback({ kind: "status", status })).toBe(false);
  });

  it.each<[AttemptOutcome["kind"], boolean]>([
    ["network", true],
    ["timeout", true],
    ["bad-response", true],
    ["interrupted", true],
    ["bad-token", false],
    ["client-aborted", false],
    ["after-first-byte", false],
  ])("%s -> %s", (kind, expected) => {
    expect(shouldFallback({ kind } as AttemptOutcome)).toBe(expected);
  });
});

describe("outcomeLabel", () => {
  it("names statuses by number and other outcomes by kind", () => {
    expect(outcomeLabel({ kind: "status", status: 503 })).toBe("503");
    expect(outcomeLabel({ kind: "timeout" })).toBe("timeout");
  });
});
