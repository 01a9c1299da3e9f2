import { describe, expect, it } from "vitest";
import { sharedBody } from "./shared-body";

describe("sharedBody", () => {
  it("sends the cached bytes themselves, not a copy, and the answer reads whole", async () => {
    const bytes = new TextEncoder().encode('{"ok":true}');
    const reader = sharedBody(bytes).getReader();
    expect((await reader.read()).value).toBe(bytes);
    expect((await reader.read()).done).toBe(true);
    expect(await new Response(sharedBody(bytes)).text()).toBe('{"ok":true}');
  });
});
