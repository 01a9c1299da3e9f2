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

/**
 * The window's rows in the order of their slots (`index % length`), which does not change as the
 * window slides: rendered in this order while the list scrolls, a row that scrolls out at one end
 * and comes back in at the other keeps its place in the DOM and only has its text changed. In index
 * order, React moves it to the other end, and Blink restyles, rebuilds and lays out the moved subtree
 * from scratch. At rest the list renders in index order again, for the reading and tab order.
 */
export function slotOrder<T extends { index: number }>(items: T[]): T[] {
  const first = items[0];
  if (!first) return items;
  const split = (items.length - (first.index % items.length)) % items.length;
  return split === 0 ? items : [...items.slice(split), ...items.slice(0, split)];
}
