"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";

/**
 * Inline alias input for one ref. Keyed by the parent on ref + saved alias, so it resets when
 * either changes. Escape restores the saved alias without closing the details.
 */
export function AliasEditor({
  refText,
  saved,
  busy,
  onSave,
}: {
  refText: string;
  saved: string;
  busy: boolean;
  onSave: (alias: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(saved);
  const dirty = text.trim() !== saved;
  return (
    <form
      className="flex flex-col gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty) onSave(text);
      }}
    >
      <label htmlFor={id} className="text-xs text-zinc-600 dark:text-zinc-400">
        Alias for <code className="font-mono break-all">{refText}</code>
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={text}
          maxLength={64}
          placeholder="e.g. reasoning"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && dirty) {
              event.stopPropagation();
              setText(saved);
            }
          }}
          className={inputClasses(false, "h-8 flex-1")}
        />
        <Button type="submit" size="md" className="h-8" disabled={!dirty || busy}>
          {saved ? "Save alias" : "Set alias"}
        </Button>
        {saved ? (
          <Button size="md" variant="ghost" className="h-8" disabled={busy} onClick={() => onSave("")}>
            Remove
          </Button>
        ) : null}
      </div>
    </form>
  );
}
