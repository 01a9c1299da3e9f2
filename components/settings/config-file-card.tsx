"use client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import type { ConfigParseError, UnmanagedSettings } from "@/lib/settings/settings-types";

export interface ConfigFileCardProps {
  configPath: string;
  exists: boolean;
  parseError: ConfigParseError | null;
  unmanaged?: UnmanagedSettings;
  checking: boolean;
  onCheckAgain: () => void;
}

function position(error: ConfigParseError): string {
  if (error.line === undefined) return "";
  return error.column === undefined ? ` (line ${error.line})` : ` (line ${error.line}, column ${error.column})`;
}

/** Which file OpenClaw reads, and why saving is off when it does not parse. */
export function ConfigFileCard({
  configPath,
  exists,
  parseError,
  unmanaged,
  checking,
  onCheckAgain,
}: ConfigFileCardProps) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-500 dark:text-zinc-400">Config file</span>
        <code className="break-all rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
          {configPath}
        </code>
        <CopyButton text={configPath} label={`Copy path: ${configPath}`} variant="ghost">
          Copy path
        </CopyButton>
        {exists ? null : (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">(does not exist yet: created on first save)</span>
        )}
      </div>
      {parseError ? (
        <Notice tone="error">
          <p className="font-medium">
            The config file can&apos;t be parsed{position(parseError)}: {parseError.message}
          </p>
          <p className="mt-1">Saving is off so nothing overwrites your file. Fix it in an editor, then check again.</p>
          <Button size="sm" className="mt-2" onClick={onCheckAgain} disabled={checking}>
            {checking ? "Checking…" : "Check again"}
          </Button>
        </Notice>
      ) : null}
      {unmanaged ? <UnmanagedNote unmanaged={unmanaged} /> : null}
    </div>
  );
}

/** Entries of other providers: shown so the user knows they exist, never edited here. */
function UnmanagedNote({ unmanaged }: { unmanaged: UnmanagedSettings }) {
  const parts = [
    unmanaged.primary ? `primary ${unmanaged.primary}` : null,
    unmanaged.fallbacks.length ? `fallbacks ${unmanaged.fallbacks.join(", ")}` : null,
    Object.keys(unmanaged.aliases).length
      ? `aliases ${Object.entries(unmanaged.aliases)
          .map(([ref, alias]) => `${alias} → ${ref}`)
          .join(", ")}`
      : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      Other providers&apos; entries in this file are kept as they are:{" "}
      <span className="font-mono">{parts.join("; ")}</span>.
      {unmanaged.primary ? " Setting a primary here replaces that primary." : ""}
    </p>
  );
}
