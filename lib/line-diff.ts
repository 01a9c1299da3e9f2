/**
 * Line diffs of config texts, for the settings preview, the history and the outside-change views.
 * Myers' algorithm (the `diff` package) on whole lines, with a limit on the work, so a huge or
 * completely different file gives "too different to show" instead of a frozen page or server.
 */
import { diffArrays } from "diff";

export type DiffLine =
  | { kind: "same"; text: string; oldNo: number; newNo: number }
  | { kind: "del"; text: string; oldNo: number }
  | { kind: "add"; text: string; newNo: number };

export type DiffRow = DiffLine | { kind: "skip"; count: number };

/** Past this many changed lines the diff is given up: nobody reads it, and it costs time. */
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 1_000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Within each run of changes, deletions first, as diff tools show them. */
function sortHunks<T extends DiffRow>(rows: readonly T[]): T[] {
  const out: T[] = [];
  let run: T[] = [];
  const flush = () => {
    out.push(...run.filter((r) => r.kind === "del"), ...run.filter((r) => r.kind === "add"));
    run = [];
  };
  for (const row of rows) {
    if (row.kind === "add" || row.kind === "del") run.push(row);
    else {
      flush();
      out.push(row);
    }
  }
  flush();
  return out;
}

/**
 * The lines of `after` against `before`, unchanged lines included only for `keep` lines around the
 * changed middle (all of them when `keep` is Infinity). The common head and tail are cut before
 * diffing: a config edit changes a few lines of a file that may be huge. Null when given up.
 */
function diffAround(
  before: string,
  after: string,
  keep: number,
): { lines: DiffLine[]; head: number; tail: number } | null {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const changes = diffArrays(a.slice(head, a.length - tail), b.slice(head, b.length - tail), {
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: TIMEOUT_MS,
  });
  if (!changes) return null;
  const lines: DiffLine[] = [];
  const headKept = Math.min(head, keep);
  for (let i = head - headKept; i < head; i++)
    lines.push({ kind: "same", text: a[i] ?? "", oldNo: i + 1, newNo: i + 1 });
  let oldNo = head + 1;
  let newNo = head + 1;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.added) lines.push({ kind: "add", text, newNo: newNo++ });
      else if (change.removed) lines.push({ kind: "del", text, oldNo: oldNo++ });
      else lines.push({ kind: "same", text, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  const tailKept = Math.min(tail, keep);
  for (let i = 0; i < tailKept; i++) {
    lines.push({ kind: "same", text: a[oldNo - 1] ?? "", oldNo: oldNo++, newNo: newNo++ });
  }
  return { lines: sortHunks(lines), head: head - headKept, tail: tail - tailKept };
}

/** The whole line diff of two texts (line endings ignored), or null when they are too different to compare cheaply. */
export function diffLines(before: string, after: string): DiffLine[] | null {
  return diffAround(before, after, Infinity)?.lines ?? null;
}

/** Keeps changed lines and `context` unchanged lines around them; longer unchanged runs become one "skip" row. */
export function compactDiff(lines: readonly DiffLine[], context = 2): DiffRow[] {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (skipped) rows.push({ kind: "skip", count: skipped });
      skipped = 0;
      rows.push(line);
    } else skipped++;
  });
  if (skipped) rows.push({ kind: "skip", count: skipped });
  return rows;
}

/** `compactDiff(diffLines(before, after), context)` without building a row per unchanged line of a big file. */
export function compactLineDiff(before: string, after: string, context = 3): DiffRow[] | null {
  const around = diffAround(before, after, context);
  if (!around) return null;
  const rows = compactDiff(around.lines, context);
  const first = rows[0];
  if (around.head) {
    if (first?.kind === "skip") first.count += around.head;
    else rows.unshift({ kind: "skip", count: around.head });
  }
  const last = rows.at(-1);
  if (around.tail) {
    if (last?.kind === "skip") last.count += around.tail;
    else rows.push({ kind: "skip", count: around.tail });
  }
  return rows;
}

/** The same rows seen the other way round (after → before): additions become deletions and back. */
export function reverseDiff(rows: readonly DiffRow[]): DiffRow[] {
  return sortHunks(
    rows.map((row): DiffRow => {
      switch (row.kind) {
        case "skip":
          return row;
        case "same":
          return { kind: "same", text: row.text, oldNo: row.newNo, newNo: row.oldNo };
        case "add":
          return { kind: "del", text: row.text, oldNo: row.newNo };
        case "del":
          return { kind: "add", text: row.text, newNo: row.oldNo };
      }
    }),
  );
}

/** True when the rows hold at least one added or removed line. */
export function hasChanges(rows: readonly DiffRow[]): boolean {
  return rows.some((row) => row.kind === "add" || row.kind === "del");
}
