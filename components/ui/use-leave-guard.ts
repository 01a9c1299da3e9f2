"use client";
import { useEffect } from "react";

/** A click that the browser (or Next's Link) would turn into a navigation to another page of ours. */
export function leavingLink(event: MouseEvent, here: URL): URL | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  // Modified clicks open a new tab or window: this page and its edits stay.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if (anchor.target && anchor.target !== "_self") return null;
  if (anchor.hasAttribute("download")) return null;
  const to = new URL(anchor.href, here);
  if (to.origin !== here.origin) return null;
  // Same page (a hash, the same query): nothing is left.
  if (to.pathname === here.pathname && to.search === here.search) return null;
  return to;
}

/**
 * While `active`, leaving the page asks first: a reload or closing the tab gets the browser's own
 * prompt (`beforeunload`), and a click on a link to another page of the dashboard gets `message`.
 * Next's App Router has no cancellable route-change event, so link clicks are caught in the
 * capture phase, before Next's <Link> handles them; a cancelled click goes nowhere.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const click = (event: MouseEvent) => {
      if (!leavingLink(event, new URL(window.location.href))) return;
      if (window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, { capture: true });
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, { capture: true });
    };
  }, [active, message]);
}
