"use client";
import { type RefObject, useEffect, useRef } from "react";
import { rowButtonId } from "./model-row";

export interface CatalogKeyboardOptions {
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLElement | null>;
  count: number;
  activeIndex: number;
  setActive: (index: number) => void;
  open: (index: number) => void;
  close: () => void;
  detailsOpen: boolean;
}

/** Focuses a row's button once the virtual list has rendered it (it may be off-screen a frame ago). */
export function focusRow(index: number, tries = 6): void {
  requestAnimationFrame(() => {
    const button = document.getElementById(rowButtonId(index));
    if (button) button.focus({ preventScroll: true });
    else if (tries > 0) focusRow(index, tries - 1);
  });
}

/**
 * `/` focuses search; ArrowUp/ArrowDown move the active row (from the search box, the list or
 * the page); Enter in the search box opens the active row; Escape closes the details.
 */
export function useCatalogKeyboard(options: CatalogKeyboardOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { searchRef, listRef, count, activeIndex, setActive, open, close, detailsOpen } = latest.current;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = target?.closest("input, textarea, select, [contenteditable='true']") != null;
      const inSearch = target !== null && target === searchRef.current;
      const inList = target !== null && (listRef.current?.contains(target) ?? false);
      const onPage = target === null || target === document.body;

      if (event.key === "/" && !typing) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (
        (event.key === "ArrowDown" || event.key === "ArrowUp") &&
        (inSearch || inList || onPage) &&
        count > 0
      ) {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = Math.min(count - 1, Math.max(0, activeIndex + step));
        setActive(next);
        if (inList) focusRow(next);
      } else if (event.key === "Enter" && inSearch && count > 0) {
        event.preventDefault();
        open(activeIndex);
      } else if (event.key === "Escape" && detailsOpen) {
        // Inputs that use Escape themselves (the alias editor) stop it before it gets here.
        event.preventDefault();
        close();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
