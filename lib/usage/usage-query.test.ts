import { describe, expect, it } from "vitest";
import { addDays, dayStart, localDay, monthStart, usageQuerySchema, usageRange, usageSearch } from "./usage-query";

describe("usage query", () => {
  const noon = new Date(2025, 2, 10, 12).getTime();

  it("defaults to the 30 days up to today, in local days with `to` included", () => {
    const range = usageRange({}, noon);
    expect(range).toMatchObject({ from: "2025-02-09", to: "2025-03-10" });
    expect(range.fromMs).toBe(new Date(2025, 1, 9).getTime());
    expect(range.toMs).toBe(new Date(2025, 2, 11).getTime());
    expect(usageRange({ from: "2025-01-01", to: "2025-01-01" }, noon)).toMatchObject({
      fromMs: new Date(2025, 0, 1).getTime(),
      toMs: new Date(2025, 0, 2).getTime(),
    });
  });

  it("knows calendar days and months", () => {
    expect(localDay(noon)).toBe("2025-03-10");
    expect(dayStart("2025-02-29")).toBeNull();
    expect(dayStart("2024-02-29")).toBe(new Date(2024, 1, 29).getTime());
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(monthStart(noon)).toBe(new Date(2025, 2, 1).getTime());
  });

  it("validates the parameters and builds the same query string back", () => {
    expect(usageQuerySchema.safeParse({ from: "2025-3-1" }).success).toBe(false);
    expect(usageQuerySchema.safeParse({ from: "2025-03-02", to: "2025-03-01" }).success).toBe(false);
    expect(usageQuerySchema.safeParse({ client: "robot" }).success).toBe(false);
    expect(usageQuerySchema.parse({ limit: "20", status: "error" })).toEqual({ limit: 20, status: "error" });
    expect(usageSearch({ from: "2025-03-01", model: "Qwen/Qwen3-8B", provider: undefined })).toBe(
      "?from=2025-03-01&model=Qwen%2FQwen3-8B",
    );
    expect(usageSearch({})).toBe("");
  });
});
