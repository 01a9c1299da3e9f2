import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatBytes,
  formatContext,
  formatCount,
  formatLatency,
  formatPrice,
  formatPriceRange,
  formatThroughput,
} from "./format";

describe("formatContext", () => {
  it.each([
    [131072, "128K"],
    [128000, "128K"],
    [163840, "160K"],
    [40960, "40K"],
    [202752, "198K"],
    [1048576, "1M"],
    [1000000, "1M"],
    [1572864, "1.5M"],
    [32000, "32K"],
    [512, "512"],
    [undefined, "—"],
    [0, "—"],
  ])("%s -> %s", (tokens, expected) => {
    expect(formatContext(tokens)).toBe(expected);
  });
});

describe("formatPrice", () => {
  it.each([
    [0.15, "$0.15"],
    [2.1, "$2.10"],
    [3.38, "$3.38"],
    [0.015, "$0.015"],
    [0.0123, "$0.012"],
    [0, "$0"],
    [undefined, "—"],
    [null, "—"],
    [Number.NaN, "—"],
  ])("%s -> %s", (usd, expected) => {
    expect(formatPrice(usd)).toBe(expected);
  });
  it("ranges collapse when both ends agree", () => {
    expect(formatPriceRange(0.15, 0.6)).toBe("$0.15–$0.60");
    expect(formatPriceRange(0.6, 0.6)).toBe("$0.60");
    expect(formatPriceRange(null, null)).toBe("—");
  });
});

describe("speed", () => {
  it("throughput in tokens per second", () => {
    expect(formatThroughput(45.43)).toBe("45 tok/s");
    expect(formatThroughput(4.56)).toBe("4.6 tok/s");
    expect(formatThroughput(undefined)).toBe("—");
  });
  it("latency in ms, then seconds", () => {
    expect(formatLatency(588.4)).toBe("588 ms");
    expect(formatLatency(1490)).toBe("1.49 s");
    expect(formatLatency(2000)).toBe("2 s");
    expect(formatLatency(undefined)).toBe("—");
  });
});

describe("counts and ages", () => {
  it("groups thousands", () => {
    expect(formatCount(10137)).toBe("10,137");
  });
  it("says how long ago", () => {
    const now = Date.parse("2025-01-01T12:00:00Z");
    expect(formatAge("2025-01-01T11:59:50Z", now)).toBe("just now");
    expect(formatAge("2025-01-01T11:55:00Z", now)).toBe("5 min ago");
    expect(formatAge("2025-01-01T09:00:00Z", now)).toBe("3 h ago");
    expect(formatAge("2024-12-30T12:00:00Z", now)).toBe("2 days ago");
    expect(formatAge(null, now)).toBe("—");
    expect(formatAge("garbage", now)).toBe("—");
  });
});

describe("formatBytes", () => {
  it("says bytes, kilobytes and megabytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(3500)).toBe("3.4 KB");
    expect(formatBytes(21_000_000)).toBe("20.0 MB");
  });
});
