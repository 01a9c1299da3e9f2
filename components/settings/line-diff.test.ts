import { describe, expect, it } from "vitest";
import { compactDiff, diffLines } from "./line-diff";

describe("diffLines", () => {
  it("marks replaced lines as a deletion then an addition, with line numbers", () => {
    const diff = diffLines("a\nb\nc\n", "a\nB\nc\n");
    expect(diff).toEqual([
      { kind: "same", text: "a", oldNo: 1, newNo: 1 },
      { kind: "del", text: "b", oldNo: 2 },
      { kind: "add", text: "B", newNo: 2 },
      { kind: "same", text: "c", oldNo: 3, newNo: 3 },
    ]);
  });

  it("handles an empty side (a file created on first save)", () => {
    expect(diffLines("", "{\n}\n").map((l) => l.kind)).toEqual(["add", "add"]);
    expect(diffLines("x", "")).toEqual([{ kind: "del", text: "x", oldNo: 1 }]);
  });

  it("keeps identical texts as unchanged lines", () => {
    expect(diffLines("a\r\nb", "a\nb").every((l) => l.kind === "same")).toBe(true);
  });
});

describe("compactDiff", () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
  const after = before.replace("line 10", "line ten");

  it("keeps the changes with context and collapses the rest", () => {
    const rows = compactDiff(diffLines(before, after), 2);
    expect(rows.map((r) => (r.kind === "skip" ? `skip ${r.count}` : `${r.kind} ${r.text}`))).toEqual([
      "skip 7",
      "same line 8",
      "same line 9",
      "del line 10",
      "add line ten",
      "same line 11",
      "same line 12",
      "skip 8",
    ]);
  });

  it("collapses everything when nothing changed", () => {
    expect(compactDiff(diffLines(before, before))).toEqual([{ kind: "skip", count: 20 }]);
  });
});
