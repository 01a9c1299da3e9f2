"use client";
import Link from "next/link";
import { useStatus } from "@/lib/client/status";
import { CreateTokenStep } from "./create-token-step";
import { DefaultModelStep } from "./default-model-step";
import { TokenStep } from "./token-step";

/** First run: create a token, paste it, pick the default model. */
export function OnboardingView() {
  const status = useStatus();
  const tokenPresent = status.data?.token.present ?? false;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Set up Hugging Face for OpenClaw</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Three steps to call Inference Providers from OpenClaw and this dashboard. Not now?{" "}
          <Link href="/" className="underline underline-offset-2">
            Browse the catalog
          </Link>{" "}
          and come back from Settings any time.
        </p>
      </div>
      <ol className="flex flex-col gap-3" aria-label="Setup steps">
        <CreateTokenStep done={tokenPresent} />
        <TokenStep status={status.data} />
        <DefaultModelStep tokenPresent={tokenPresent} />
      </ol>
    </div>
  );
}
