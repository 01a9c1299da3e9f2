import { describe, expect, it } from "vitest";
import { compactDiff, compactLineDiff, diffLines, hasChanges, reverseDiff } from "./line-diff";

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
    expect(diffLines("", "{\n}\n")?.map((l) => l.kind)).toEqual(["add", "add"]);
    expect(diffLines("x", "")).toEqual([{ kind: "del", text: "x", oldNo: 1 }]);
  });

  it("keeps identical texts as unchanged lines", () => {
    expect(diffLines("a\r\nb", "a\nb")?.every((l) => l.kind === "same")).toBe(true);
  });

  it("gives up (null) on texts too different to compare cheaply, instead of freezing", () => {
    const before = Array.from({ length: 3_000 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 3_000 }, (_, i) => `new ${i}`).join("\n");
    expect(diffLines(before, after)).toBeNull();
  });

  it("numbers the lines after an insertion on both sides", () => {
    expect(diffLines("a\nb\n", "a\nx\nb\n")).toEqual([
      { kind: "same", text: "a", oldNo: 1, newNo: 1 },
      { kind: "add", text: "x", newNo: 2 },
      { kind: "same", text: "b", oldNo: 2, newNo: 3 },
    ]);
  });
});

describe("compactDiff", () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
  const after = before.replace("line 10", "line ten");

  it("keeps the changes with context and collapses the rest", () => {
    const rows = compactDiff(diffLines(before, after) ?? [], 2);
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
    const rows = compactDiff(diffLines(before, before) ?? []);
    expect(rows).toEqual([{ kind: "skip", count: 20 }]);
    expect(hasChanges(rows)).toBe(false);
  });
});

describe("compactLineDiff", () => {
  it("equals compactDiff of the whole diff", () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 10", "line ten").replace("line 30\n", "");
    expect(compactLineDiff(before, after, 2)).toEqual(compactDiff(diffLines(before, after) ?? [], 2));
    expect(compactLineDiff(before, before, 2)).toEqual([{ kind: "skip", count: 40 }]);
  });

  it("keeps a big file with a small change to a few rows", () => {
    const before = Array.from({ length: 50_000 }, (_, i) => `  "key${i}": ${i},`).join("\n");
    const after = before.replace('"key25000": 25000', '"key25000": 7');
    const rows = compactLineDiff(before, after, 3);
    expect(rows?.filter((r) => r.kind === "add" || r.kind === "del")).toHaveLength(2);
    expect(rows).toHaveLength(10);
  });
});

describe("reverseDiff", () => {
  it("equals the diff taken the other way round", () => {
    const a = "one\ntwo\nthree\nfour\n";
    const b = "one\n2\nthree\nfour\nfive\n";
    expect(reverseDiff(compactDiff(diffLines(a, b) ?? [], 1))).toEqual(compactDiff(diffLines(b, a) ?? [], 1));
  });
});
