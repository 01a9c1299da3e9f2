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

/**
 * What a row of the window does in the render of a new list (a keystroke's answer, a filter):
 * rows in view are rendered now; one out of view waits a task (it keeps showing the last list's
 * model, off screen), or is left out until then if the last list built no row there.
 */
export function rowUpdate(
  item: { index: number; start: number; end: number },
  view: { offset: number; height: number },
  /** The list is new: not every row has rendered it yet. */
  fresh: boolean,
  /** How many models the list every row has rendered had. */
  built: number,
): "now" | "wait" | "absent" {
  if (!fresh || (item.end > view.offset && item.start < view.offset + view.height)) return "now";
  return item.index < built ? "wait" : "absent";
}

/**
 * The rows' memo comparison: a waiting row is not rendered again (React keeps its last props and
 * compares the next render's with those); any other row when one of its props changed.
 */
export function sameRowProps<T extends { waiting: boolean }>(previous: T, next: T): boolean {
  if (next.waiting) return true;
  for (const key in next) if (key !== "waiting" && !Object.is(previous[key], next[key])) return false;
  return true;
}
