"use client";
import { useId } from "react";
import { Card } from "@/components/ui/card";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useSettingsPreview } from "@/lib/client/settings";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { ModelFactsTable } from "./model-facts-table";

export interface ModelFactsCardProps {
  /** The form's input; its preview (shared with the config preview) says what a save does to the entries. */
  input: SettingsInput;
  checked: boolean;
  onChange: (on: boolean) => void;
  /** Off while the form is invalid: no preview, so no table. */
  enabled: boolean;
  /** The switch as saved, to word what turning it off does. */
  saved: boolean;
}

/**
 * The "model facts" switch: with it on, every save keeps an entry per `huggingface/` model in use in
 * `models.providers.huggingface.models[]`, so OpenClaw knows names, context windows and prices.
 */
export function ModelFactsCard({ input, checked, onChange, enabled, saved }: ModelFactsCardProps) {
  const hintId = useId();
  // Same debounce as the config preview: both read one query.
  const debounced = useDebouncedValue(input, 400);
  const preview = useSettingsPreview(debounced, enabled);
  const report = preview.data?.facts ?? null;
  return (
    <Card
      title="Model facts for OpenClaw"
      description={
        <span id={hintId}>
          OpenClaw records Hugging Face models it discovers with no price and often no context window. With this on,
          every save keeps an entry for each model in use in{" "}
          <code className="font-mono">models.providers.huggingface.models[]</code>: name, context window, price (USD per
          1M tokens), reasoning and input, for the backend the ref would use. Values you set there by hand are never
          overwritten, and entries you wrote are never touched. Turning it off removes the entries the dashboard wrote
          (yours, and any it wrote that you changed, stay).
        </span>
      }
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          aria-describedby={hintId}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          className="h-4 w-4 accent-current"
        />
        Keep model facts for OpenClaw
      </label>
      {saved && !checked ? (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          Saving with this off removes the entries the dashboard wrote; yours stay.
        </p>
      ) : null}
      {report && report.entries.length > 0 ? <ModelFactsTable report={report} /> : null}
    </Card>
  );
}
