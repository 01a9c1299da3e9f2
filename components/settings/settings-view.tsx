"use client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useModels } from "@/lib/client/models";
import { useSettings } from "@/lib/client/settings";
import { useStatus } from "@/lib/client/status";
import { SettingsForm } from "./settings-form";
import { TokenCard } from "./token-card";

const CATALOG_NOTE = {
  live: "Model suggestions come from the router's live list.",
  cache: "Model suggestions come from the last list fetched from the router.",
  builtin: "Model suggestions come from the built-in list: the router's list is not available.",
} as const;

/** The /settings page: token, then what the dashboard writes into the OpenClaw config. */
export function SettingsView() {
  const status = useStatus();
  const settings = useSettings();
  const models = useModels();

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Settings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The token and the models OpenClaw reads.{models.data ? ` ${CATALOG_NOTE[models.data.source]}` : ""}
        </p>
      </div>
      {status.data ? (
        <TokenCard status={status.data} />
      ) : status.error ? (
        <Notice tone="error">Could not read the token status: {status.error.message}</Notice>
      ) : (
        <p className="text-sm text-zinc-500">Loading token status…</p>
      )}
      {settings.data ? (
        <SettingsForm
          latest={settings.data}
          models={models.data?.models ?? []}
          checking={settings.isFetching}
          onCheckAgain={() => void settings.refetch()}
        />
      ) : settings.error ? (
        <Notice tone="error">
          Could not read the config: {settings.error.message}{" "}
          <Button size="sm" onClick={() => void settings.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : (
        <p className="text-sm text-zinc-500">Loading the config…</p>
      )}
    </div>
  );
}
