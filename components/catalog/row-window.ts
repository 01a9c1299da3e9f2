import type { Range } from "@tanstack/react-virtual";

/**
 * The rows the virtual list renders: always the same number of them (the most rows a viewport of
 * this height can show, plus the overscan on both sides), sliding with the scroll position.
 *
 * The virtualizer's own window is one row longer or shorter depending on how the rows line up with
 * the viewport's edges. The list keys its rows by `index % window length`, so a window whose
 * length changes between two frames re-assigns every slot: every row gets new content (3× the
 * work of a normal step, on every other frame when scrolling fast). A fixed length keeps each row
 * on its model until it leaves the window.
 */
export function fixedRowWindow(range: Range, viewportHeight: number, rowHeight: number): number[] {
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const length = Math.min(range.count, visible + 2 * range.overscan);
  const start = Math.max(0, Math.min(range.startIndex - range.overscan, range.count - length));
  return Array.from({ length }, (_, i) => start + i);
}
