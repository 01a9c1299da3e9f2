import { describe, expect, it } from "vitest";
import { fixedRowWindow, rowUpdate, sameRowProps, slotOrder } from "./row-window";

const range = (startIndex: number, endIndex: number, count = 10_000) => ({ startIndex, endIndex, overscan: 4, count });

describe("fixedRowWindow", () => {
  it("keeps the same length whether the viewport shows 10 or 11 rows", () => {
    // 621 px of 64 px rows: 10 rows when aligned, 11 when the first is cut.
    const aligned = fixedRowWindow(range(100, 109), 621, 64);
    const cut = fixedRowWindow(range(100, 110), 621, 64);
    expect(aligned).toHaveLength(19);
    expect(cut).toEqual(aligned);
    expect(aligned[0]).toBe(96);
  });

  it("slides by the scroll step, so rows in both windows keep their slot", () => {
    const before = fixedRowWindow(range(100, 109), 621, 64);
    const after = fixedRowWindow(range(106, 116), 621, 64);
    expect(after.map((i) => i - 6)).toEqual(before);
  });

  it("stays inside the list at both ends", () => {
    expect(fixedRowWindow(range(0, 9), 621, 64)[0]).toBe(0);
    const end = fixedRowWindow(range(9_990, 9_999), 621, 64);
    expect(end.at(-1)).toBe(9_999);
    expect(end).toHaveLength(19);
  });

  it("renders every row of a list shorter than the window", () => {
    expect(fixedRowWindow(range(0, 4, 5), 621, 64)).toEqual([0, 1, 2, 3, 4]);
    expect(fixedRowWindow(range(0, -1, 0), 621, 64)).toEqual([]);
  });
});

describe("slotOrder", () => {
  const items = (indexes: number[]) => indexes.map((index) => ({ index }));

  it("puts each row at its slot, so a sliding window keeps every row's place", () => {
    const before = slotOrder(items(fixedRowWindow(range(100, 109), 621, 64)));
    const after = slotOrder(items(fixedRowWindow(range(106, 116), 621, 64)));
    expect(before.map(({ index }) => index % 19)).toEqual([...Array(19).keys()]);
    expect(after.map(({ index }) => index % 19)).toEqual([...Array(19).keys()]);
    // Six rows scrolled out at the top came back in at the bottom, in the same places.
    expect(after.filter(({ index }, slot) => index !== before[slot]?.index)).toHaveLength(6);
  });

  it("leaves a window that starts at slot 0, and an empty one, as they are", () => {
    expect(slotOrder(items([0, 1, 2]))).toEqual(items([0, 1, 2]));
    expect(slotOrder(items([3, 4, 5]))).toEqual(items([3, 4, 5]));
    expect(slotOrder(items([19, 20, 21]))).toEqual(items([21, 19, 20]));
    expect(slotOrder([])).toEqual([]);
  });
});

describe("rowUpdate", () => {
  // 64 px rows, a 621 px viewport: rows 0-9 are (partly) in view at the top.
  const row = (index: number) => ({ index, start: index * 64, end: (index + 1) * 64 });
  const top = { offset: 0, height: 621 };

  it("renders every row when the list is the one they all show", () => {
    expect(fixedRowWindow(range(0, 9), 621, 64).map((i) => rowUpdate(row(i), top, false, 10_000))).toEqual(
      Array(19).fill("now"),
    );
  });

  it("renders the rows in view of a new list now and lets the rest wait", () => {
    const updates = fixedRowWindow(range(0, 9), 621, 64).map((i) => rowUpdate(row(i), top, true, 10_000));
    expect(updates.slice(0, 10)).toEqual(Array(10).fill("now"));
    expect(updates.slice(10)).toEqual(Array(9).fill("wait"));
  });

  it("leaves out a row out of view that the last list had no model for", () => {
    expect(rowUpdate(row(12), top, true, 1)).toBe("absent");
    expect(rowUpdate(row(3), top, true, 1)).toBe("now");
  });

  it("counts a row cut by either edge of the view as in view", () => {
    const scrolled = { offset: 100, height: 621 };
    expect(rowUpdate(row(0), scrolled, true, 10_000)).toBe("wait");
    expect(rowUpdate(row(1), scrolled, true, 10_000)).toBe("now");
    expect(rowUpdate(row(11), scrolled, true, 10_000)).toBe("now");
    expect(rowUpdate(row(12), scrolled, true, 10_000)).toBe("wait");
  });
});

describe("sameRowProps", () => {
  const onOpen = () => {};
  const props = { model: { id: "a" }, index: 0, onOpen, waiting: false };

  it("skips the render of a row whose props are the same", () => {
    expect(sameRowProps(props, { ...props })).toBe(true);
  });

  it("renders a row again when a prop changed", () => {
    expect(sameRowProps(props, { ...props, model: { id: "a" } })).toBe(false);
    expect(sameRowProps(props, { ...props, index: 1 })).toBe(false);
  });

  it("skips a waiting row whatever changed, and renders it once it no longer waits", () => {
    const next = { ...props, model: { id: "b" }, waiting: true };
    expect(sameRowProps(props, next)).toBe(true);
    // React compares with the props the row last rendered, not the skipped ones.
    expect(sameRowProps(props, { ...next, waiting: false })).toBe(false);
  });
});
