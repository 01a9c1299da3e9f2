import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packColumn, unpackColumn } from "./wire-columns";

describe("packed number columns", () => {
  it("writes whole units in base 36, other numbers as decimals, null as nothing", () => {
    expect(packColumn([0, 35, 36, null, -5, 2.5])).toBe("0,z,10,,-5,~2.5");
    expect(packColumn([0.07, 1.5, 0.055], 100)).toBe("7,46,~0.055");
    expect(packColumn([])).toBe("");
  });

  it("tells an empty column from one null by its length", () => {
    expect(unpackColumn("", 0)).toEqual([]);
    expect(unpackColumn("", 1)).toEqual([null]);
  });

  it("reads back what it wrote, whole numbers exactly, others within a millionth", () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(value), (values) => {
        const back = unpackColumn(packColumn(values), values.length);
        values.forEach((v, i) => {
          if (v === null) expect(back[i]).toBeNull();
          else expect(Math.abs((back[i] ?? Number.NaN) - v)).toBeLessThan(1e-6);
        });
      }),
    );
  });

  it("brings cents back as the same numbers", () => {
    const prices = Array.from({ length: 1000 }, (_, i) => i / 100);
    expect(unpackColumn(packColumn(prices, 100), prices.length, 100)).toEqual(prices);
  });

  it("refuses text it did not write", () => {
    expect(() => unpackColumn("1,A", 2)).toThrow(/not a base-36 number: "A"/);
    expect(() => unpackColumn("~", 1)).toThrow(/not a number/);
    expect(() => unpackColumn("~x", 1)).toThrow(/not a number/);
    expect(() => unpackColumn("1,2", 3)).toThrow(/2 values where 3 were expected/);
  });
});
