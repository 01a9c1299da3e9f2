"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";

export interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  onClear: () => void;
  running: boolean;
  canSend: boolean;
  canClear: boolean;
  /** Why sending is not possible right now, shown under the field. */
  hint?: string;
}

/** The prompt field: Enter sends, Shift+Enter adds a line; Stop aborts every answer in flight. */
export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  onClear,
  running,
  canSend,
  canClear,
  hint,
}: ComposerProps) {
  const id = useId();
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label htmlFor={`${id}-prompt`} className="sr-only">
        Prompt
      </label>
      <textarea
        id={`${id}-prompt`}
        rows={3}
        value={value}
        placeholder="Ask something… (Enter to send, Shift+Enter for a new line)"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            if (canSend) onSend();
          }
        }}
        className={inputClasses(false, "h-auto min-h-20 resize-y py-2")}
      />
      <div className="flex items-center gap-2">
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {hint}
          </p>
        ) : null}
        <div className="ml-auto flex gap-2">
          <Button variant="ghost" onClick={onClear} disabled={!canClear}>
            Clear chat
          </Button>
          {running ? (
            <Button variant="danger" onClick={onStop}>
              Stop
            </Button>
          ) : null}
          <Button type="submit" variant="primary" disabled={!canSend}>
            Send
          </Button>
        </div>
      </div>
    </form>
  );
}
