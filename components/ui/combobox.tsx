"use client";
import { type ReactNode, useEffect, useId, useState } from "react";
import { inputClasses } from "./input-classes";

export interface ComboboxOption {
  value: string;
  label: string;
}

export interface ComboboxResult<T> {
  options: T[];
  /** Matches left out of the list; the user is told to keep typing. */
  hidden?: number;
}

export interface ComboboxProps<T extends ComboboxOption> {
  /** Visible label (or the accessible name only, with `hideLabel`). */
  label: string;
  hideLabel?: boolean;
  /** The committed value, shown in the input while the user is not typing. */
  value: string;
  onChange: (value: string, option: T) => void;
  /** Options for the typed text ("" when the list is opened without typing). */
  getOptions: (query: string) => ComboboxResult<T>;
  renderOption?: (option: T) => ReactNode;
  placeholder?: string;
  invalid?: boolean;
  /** Id of the element describing the field (hint or error). */
  describedBy?: string;
  disabled?: boolean;
  emptyText?: string;
  id?: string;
  className?: string;
}

/**
 * An editable combobox with a list popup (WAI-ARIA APG pattern): typing filters, ArrowDown /
 * ArrowUp move through the options, Enter picks, Escape closes and restores the committed value.
 * Focus stays in the input; the active option is announced through `aria-activedescendant`.
 */
export function Combobox<T extends ComboboxOption>(props: ComboboxProps<T>) {
  const { label, hideLabel, value, onChange, getOptions, renderOption, placeholder, invalid, describedBy, disabled } =
    props;
  const autoId = useId();
  const inputId = props.id ?? `${autoId}-input`;
  const listId = `${autoId}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const result = open ? getOptions(query ?? "") : { options: [] as T[], hidden: 0 };
  const options = result.options;
  const activeIndex = active < options.length ? active : options.length - 1;
  const activeId = open && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined;

  useEffect(() => {
    if (!activeId) return;
    document.getElementById(activeId)?.scrollIntoView?.({ block: "nearest" });
  }, [activeId]);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const openList = (start: "selected" | "first" | "last") => {
    const all = getOptions(query ?? "").options;
    const selected = all.findIndex((option) => option.value === value);
    setOpen(true);
    setActive(start === "last" ? all.length - 1 : start === "selected" && query === null ? Math.max(selected, 0) : 0);
  };
  const pick = (option: T) => {
    close();
    onChange(option.value, option);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open || event.altKey) openList("selected");
        else setActive(Math.min(activeIndex + 1, options.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList("last");
        else setActive(Math.max(activeIndex - 1, 0));
        break;
      case "Enter": {
        const option = options[activeIndex];
        if (open && option) {
          event.preventDefault();
          pick(option);
        }
        break;
      }
      case "Escape":
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        break;
      case "Tab":
        close();
        break;
    }
  };

  return (
    <div className={`relative ${props.className ?? ""}`}>
      <label
        htmlFor={inputId}
        className={hideLabel ? "sr-only" : "mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300"}
      >
        {label}
      </label>
      <div className="relative">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          placeholder={placeholder}
          value={query ?? value}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          className={inputClasses(invalid, "pr-8 font-mono text-xs")}
        />
        <button
          type="button"
          tabIndex={-1}
          aria-label={`Show options for ${label}`}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (open ? close() : openList("selected"))}
          className="absolute inset-y-0 right-0 flex w-8 items-center justify-center text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
        >
          <span aria-hidden>▾</span>
        </button>
      </div>
      <div
        hidden={!open}
        // Keeps focus in the input while clicking an option.
        onMouseDown={(event) => event.preventDefault()}
        className="absolute z-30 mt-1 w-full min-w-72 overflow-hidden rounded-md border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <ul id={listId} role="listbox" aria-label={label} className="max-h-72 overflow-auto py-1">
          {options.map((option, index) => (
            <li
              key={option.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option.value === value}
              onClick={() => pick(option)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              className={`cursor-pointer px-2.5 py-1.5 text-sm ${
                index === activeIndex ? "bg-accent-100 dark:bg-accent-500/20" : ""
              } ${option.value === value ? "font-semibold" : ""}`}
            >
              {renderOption ? renderOption(option) : option.label}
            </li>
          ))}
        </ul>
        {open ? (
          <ComboboxFooter count={options.length} hidden={result.hidden ?? 0} emptyText={props.emptyText} />
        ) : null}
      </div>
    </div>
  );
}

function ComboboxFooter({ count, hidden, emptyText }: { count: number; hidden: number; emptyText?: string }) {
  if (count > 0 && hidden === 0) return null;
  // Polite, so screen readers hear "no match" without focus leaving the input.
  return (
    <p
      aria-live="polite"
      className="border-t border-zinc-200 px-2.5 py-1.5 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
    >
      {count === 0 ? (emptyText ?? "No match") : `${hidden} more — keep typing to narrow down`}
    </p>
  );
}
