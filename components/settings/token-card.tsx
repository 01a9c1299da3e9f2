"use client";
import { useState } from "react";
import { TokenForm } from "@/components/shared/token-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { StatusResponse } from "@/lib/catalog/catalog-types";
import type { TokenSource } from "@/lib/settings/settings-types";
import { useRemoveToken } from "@/lib/client/token";

function variableOf(source: TokenSource): string {
  return source.slice(source.indexOf(":") + 1);
}

/** The token: masked, where it comes from, and save / replace / remove when the UI may change it. */
export function TokenCard({ status }: { status: StatusResponse }) {
  const { token, envFilePath } = status;
  const fromEnv = token.source?.startsWith("env:") ?? false;
  return (
    <Card
      title="Hugging Face token"
      description="Kept on the server; the browser only sees this mask."
      actions={
        token.present ? (
          <span className="rounded bg-emerald-100 px-2 py-0.5 font-mono text-xs text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300">
            {token.masked}
          </span>
        ) : (
          <span className="rounded bg-accent-100 px-2 py-0.5 text-xs text-accent-700 dark:bg-accent-500/15 dark:text-accent-400">
            not set
          </span>
        )
      }
    >
      <div className="flex flex-col gap-3">
        <TokenSourceLine source={token.source} envFilePath={envFilePath} />
        {fromEnv && token.source ? (
          <Notice>
            Set by the <code className="font-mono">{variableOf(token.source)}</code> environment variable of the
            dashboard server, so it can&apos;t be changed here. Change or unset the variable and restart the dashboard
            to manage the token from this page.
          </Notice>
        ) : (
          <>
            <TokenForm
              label={token.present ? "Replace the token" : "Token"}
              submitLabel={token.present ? "Replace token" : "Save token"}
            />
            {token.present ? <RemoveToken envFilePath={envFilePath} /> : null}
          </>
        )}
      </div>
    </Card>
  );
}

function TokenSourceLine({ source, envFilePath }: { source: TokenSource | null; envFilePath: string }) {
  if (!source) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No token: the catalog shows the built-in list and chat calls fail. A saved token goes to{" "}
        <code className="font-mono text-xs">{envFilePath}</code> as <code className="font-mono text-xs">HF_TOKEN</code>.
      </p>
    );
  }
  if (source.startsWith("env:")) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Source: environment variable <code className="font-mono text-xs">{variableOf(source)}</code>
      </p>
    );
  }
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      Source: <code className="font-mono text-xs">{variableOf(source)}</code> in{" "}
      <code className="font-mono text-xs">{envFilePath}</code> (read by OpenClaw&apos;s gateway too)
    </p>
  );
}

function RemoveToken({ envFilePath }: { envFilePath: string }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveToken();
  if (!confirming) {
    return (
      <div>
        <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
          Remove token
        </Button>
      </div>
    );
  }
  return (
    <div role="group" aria-label="Confirm token removal" className="flex flex-wrap items-center gap-2 text-sm">
      <span>Remove the token from {envFilePath}?</span>
      <Button
        variant="danger"
        size="sm"
        disabled={remove.isPending}
        onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        {remove.isPending ? "Removing…" : "Yes, remove it"}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {remove.error ? <Notice tone="error">Token not removed: {remove.error.message}</Notice> : null}
    </div>
  );
}
