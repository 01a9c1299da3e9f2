import { describe, expect, it } from "vitest";
import { mergeCatalog } from "./catalog-merge";
import { routedCount } from "./routed-count";

describe("routedCount", () => {
  it("counts the router's models, not the built-ins it does not serve", () => {
    const live = [
      { id: "deepseek-ai/DeepSeek-R1", providers: [{ provider: "together", status: "live" as const }] },
      { id: "org/Only-Live", providers: [{ provider: "novita", status: "error" as const }] },
    ];
    const models = mergeCatalog(live, { aliases: {}, overrides: {} });
    expect(models).toHaveLength(11);
    expect(routedCount(models)).toEqual({ routed: 2, notRouted: 9 });
  });
});
