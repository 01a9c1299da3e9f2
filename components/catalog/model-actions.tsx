"use client";
import Link from "next/link";
import { useId } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { aliasOf, type CatalogAction, useCatalogAction } from "@/lib/client/catalog-actions";
import { equalRefs } from "@/lib/refs";
import type { SettingsState } from "@/lib/settings/settings-types";
import { AliasEditor } from "./alias-editor";
import { CopyButton } from "@/components/ui/copy-button";

/** Set as primary, add to fallbacks, alias, playground, copy: all for the resulting ref. */
export function ModelActions({ refText, settings }: { refText: string; settings: SettingsState | undefined }) {
  const action = useCatalogAction();
  const run = (next: CatalogAction) => action.mutate(next);
  const isPrimary = equalRefs(settings?.primary, refText);
  const fallbackPosition = (settings?.fallbacks.findIndex((ref) => equalRefs(ref, refText)) ?? -1) + 1;
  const isFallback = fallbackPosition > 0;
  const noteId = useId();
  const saved = aliasOf(settings, refText);
  const busy = action.isPending;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={busy || isPrimary}
          aria-describedby={isPrimary || isFallback ? noteId : undefined}
          onClick={() => run({ kind: "primary", ref: refText })}
        >
          {isPrimary ? (
            <>
              <CheckIcon /> Already the primary model
            </>
          ) : (
            "Set as primary"
          )}
        </Button>
        <Button
          disabled={busy || isFallback || isPrimary}
          aria-describedby={isPrimary || isFallback ? noteId : undefined}
          onClick={() => run({ kind: "fallback", ref: refText })}
        >
          {isFallback ? (
            <>
              <CheckIcon /> Already a fallback
            </>
          ) : (
            "Add to fallbacks"
          )}
        </Button>
        <Link href={`/playground?model=${encodeURIComponent(refText)}`} className={buttonClasses("secondary", "md")}>
          Open in playground
        </Link>
        <CopyButton text={refText} label="Copy ref" size="md">
          Copy ref
        </CopyButton>
      </div>
      {isPrimary || isFallback ? (
        <p id={noteId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {isPrimary
            ? "This ref is OpenClaw's primary model, so it can't also be a fallback. Change the primary on the settings page."
            : `This ref is fallback ${fallbackPosition} of ${settings?.fallbacks.length ?? 0}; reorder or remove fallbacks on the settings page.`}
        </p>
      ) : null}
      <AliasEditor
        key={`${refText}\n${saved}`}
        refText={refText}
        saved={saved}
        busy={busy}
        onSave={(alias) => run({ kind: "alias", ref: refText, alias })}
      />
      {action.isError ? <Notice tone="error">{action.error.message}</Notice> : null}
      {action.isSuccess ? <Notice tone="success">{action.data.message}</Notice> : null}
      {settings?.configPath ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Writes to <code className="font-mono break-all">{settings.configPath}</code>
        </p>
      ) : null}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="m3.5 8.5 3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
