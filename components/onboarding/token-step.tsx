"use client";
import { TokenForm } from "@/components/shared/token-form";
import { Notice } from "@/components/ui/notice";
import type { StatusResponse } from "@/lib/catalog/catalog-types";
import { Step } from "./step";

/** Paste the token; the server checks it with the router before saving it in `<state dir>/.env`. */
export function TokenStep({ status }: { status: StatusResponse | undefined }) {
  const token = status?.token;
  const fromEnv = token?.source?.startsWith("env:") ?? false;
  return (
    <Step number={2} title="Paste your token" done={token?.present ?? false}>
      {fromEnv && token ? (
        <Notice tone="success">
          A token ({token.masked}) is set by the {token.source?.slice(4)} environment variable of the dashboard server:
          nothing to do here.
        </Notice>
      ) : (
        <>
          <p className="text-zinc-600 dark:text-zinc-400">
            It is checked with the router, then saved on this machine in{" "}
            <code className="font-mono text-xs">{status?.envFilePath ?? "<state dir>/.env"}</code> (where
            OpenClaw&apos;s gateway reads it). The browser never gets it back.
          </p>
          {token?.present ? (
            <p className="text-zinc-600 dark:text-zinc-400">
              A token is already saved (<span className="font-mono">{token.masked}</span>). Paste another one to replace
              it.
            </p>
          ) : null}
          <TokenForm label="Hugging Face token" submitLabel="Check and save" />
        </>
      )}
    </Step>
  );
}
