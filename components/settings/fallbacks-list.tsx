"use client";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { ModelCombobox } from "@/components/shared/model-combobox";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { type ModelOption, optionForRef } from "@/lib/catalog/model-options";
import { tryNormaliseRef } from "@/lib/refs";
import { moveItem } from "./form-model";

export interface FallbacksListProps {
  fallbacks: string[];
  primary: string;
  onChange: (fallbacks: string[]) => void;
  options: readonly ModelOption[];
  listIssues: readonly string[];
  itemIssues: ReadonlyMap<number, string[]>;
  /** Shown under a row, e.g. the chain check's findings about that fallback. */
  rowNotes?: (index: number, ref: string) => ReactNode;
}

/** Where focus goes after a move: the same control of the moved row. */
interface PendingFocus {
  ref: string;
  action: string;
}

export function FallbacksList({
  fallbacks,
  primary,
  onChange,
  options,
  listIssues,
  itemIssues,
  rowNotes,
}: FallbacksListProps) {
  const [addError, setAddError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pendingFocus, setPendingFocus] = useState<PendingFocus | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const addErrorId = useId();
  const primaryRef = tryNormaliseRef(primary);

  useEffect(() => {
    if (!pendingFocus || !listRef.current) return;
    const row = [...listRef.current.querySelectorAll<HTMLElement>("[data-ref]")].find(
      (el) => el.dataset.ref === pendingFocus.ref,
    );
    row?.querySelector<HTMLElement>(`[data-action="${pendingFocus.action}"]`)?.focus();
  }, [pendingFocus, fallbacks]);

  const move = (index: number, delta: number, action: string) => {
    const target = index + delta;
    const ref = fallbacks[index];
    if (ref === undefined || target < 0 || target >= fallbacks.length) return;
    onChange(moveItem(fallbacks, index, target));
    setPendingFocus({ ref, action });
    setAnnouncement(`Moved ${ref} to position ${target + 1} of ${fallbacks.length}`);
  };

  const add = (ref: string) => {
    if (ref === primaryRef) {
      setAddError(`${ref} is the primary model: it can't also be a fallback.`);
      return;
    }
    setAddError(null);
    onChange([...fallbacks, ref]);
    setAnnouncement(`Added ${ref} as fallback ${fallbacks.length + 1}`);
  };

  return (
    <Card
      title="Fallbacks"
      description={
        <span id={hintId}>
          Tried in this order when the primary fails. The primary model can&apos;t be a fallback. Reorder with the
          arrows or Alt+↑ / Alt+↓.
        </span>
      }
    >
      {fallbacks.length === 0 ? <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">No fallbacks.</p> : null}
      <ol ref={listRef} aria-label="Fallbacks, in order" aria-describedby={hintId} className="mb-3 flex flex-col gap-1">
        {fallbacks.map((ref, index) => (
          <FallbackRow
            // Keyed by ref so a moved row keeps its element; duplicates (a hand-edited file) get a counter.
            key={`${ref}#${fallbacks.slice(0, index).filter((r) => r === ref).length}`}
            refValue={ref}
            index={index}
            count={fallbacks.length}
            option={optionForRef(ref, options)}
            issues={itemIssues.get(index) ?? []}
            notes={rowNotes?.(index, ref)}
            onMove={(delta, action) => move(index, delta, action)}
            onRemove={() => {
              onChange(fallbacks.filter((_, i) => i !== index));
              setAnnouncement(`Removed ${ref} from the fallbacks`);
            }}
          />
        ))}
      </ol>
      <ModelCombobox
        label="Add a fallback"
        value=""
        onChange={add}
        options={options}
        exclude={new Set(fallbacks)}
        placeholder="Search or type a ref, then Enter"
        invalid={addError !== null}
        describedBy={addError ? addErrorId : undefined}
        className="max-w-xl"
      />
      <FieldError id={addErrorId} messages={addError ? [addError] : undefined} />
      <FieldError id={`${hintId}-list`} messages={listIssues} />
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </Card>
  );
}

interface FallbackRowProps {
  refValue: string;
  index: number;
  count: number;
  option: ModelOption | null;
  issues: readonly string[];
  notes?: ReactNode;
  onMove: (delta: number, action: string) => void;
  onRemove: () => void;
}

function FallbackRow({ refValue, index, count, option, issues, notes, onMove, onRemove }: FallbackRowProps) {
  const errorId = useId();
  const onKeyDown = (event: React.KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const target = event.target instanceof HTMLElement ? (event.target.dataset.action ?? "row") : "row";
    onMove(event.key === "ArrowUp" ? -1 : 1, target);
  };
  // aria-disabled rather than disabled: a button that reaches the end of the list keeps the focus.
  const first = index === 0;
  const last = index === count - 1;
  return (
    <li
      data-ref={refValue}
      data-action="row"
      tabIndex={0}
      aria-label={`Fallback ${index + 1} of ${count}: ${option?.label ?? refValue}`}
      aria-describedby={issues.length ? errorId : undefined}
      onKeyDown={onKeyDown}
      className={`flex items-center gap-2 rounded-md border px-2 py-1.5 ${
        issues.length ? "border-red-400 dark:border-red-700" : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <span aria-hidden className="w-5 text-right font-mono text-xs text-zinc-400">
        {index + 1}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm">{option?.label ?? refValue}</span>
        <span className="block truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{refValue}</span>
        <FieldError id={errorId} messages={issues} />
        {notes}
      </span>
      <Button
        size="sm"
        variant="ghost"
        data-action="up"
        aria-disabled={first}
        aria-label={`Move ${refValue} up`}
        onClick={() => !first && onMove(-1, "up")}
        className={first ? "opacity-40" : ""}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="ghost"
        data-action="down"
        aria-disabled={last}
        aria-label={`Move ${refValue} down`}
        onClick={() => !last && onMove(1, "down")}
        className={last ? "opacity-40" : ""}
      >
        ↓
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Remove ${refValue} from fallbacks`} onClick={onRemove}>
        Remove
      </Button>
    </li>
  );
}
