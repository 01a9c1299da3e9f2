"use client";
import { useId } from "react";
import { Card } from "@/components/ui/card";

export interface OpenClawRouteCardProps {
  checked: boolean;
  /** What the file says now. */
  saved: boolean;
  /** `models.providers.huggingface.baseUrl` as written; null when OpenClaw uses the router directly. */
  baseUrl: string | null;
  onChange: (checked: boolean) => void;
}

/**
 * The switch that routes OpenClaw's Hugging Face requests through this dashboard. Part of the
 * settings form: it shows in the preview and is saved (with `If-Match`) like every other change.
 */
export function OpenClawRouteCard({ checked, saved, baseUrl, onChange }: OpenClawRouteCardProps) {
  const hintId = useId();
  return (
    <Card
      title="Route OpenClaw through the dashboard"
      description="Sets models.providers.huggingface.baseUrl in the OpenClaw config."
    >
      <div className="flex flex-col gap-3 text-sm">
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            role="switch"
            checked={checked}
            aria-describedby={hintId}
            onChange={(event) => onChange(event.target.checked)}
            className="size-4 accent-zinc-900 dark:accent-zinc-100"
          />
          Route OpenClaw through the dashboard
        </label>
        <div id={hintId} className="flex flex-col gap-2 text-zinc-600 dark:text-zinc-400">
          <p>
            OpenClaw’s Hugging Face requests then go through this dashboard’s gateway: each one is in the usage ledger
            with its provider, tokens and exact cost, and budgets and fallbacks apply. Switched off, OpenClaw talks to
            the router directly again.
          </p>
          <p className="font-medium text-amber-800 dark:text-amber-300">
            OpenClaw then needs the dashboard running: while it is stopped, OpenClaw’s Hugging Face models cannot
            answer. Run the dashboard as a service (a systemd user unit or a launchd agent: see the README, “Route
            OpenClaw through the dashboard”).
          </p>
          <p>
            Now:{" "}
            {saved
              ? "routed through the dashboard"
              : baseUrl
                ? "straight to the router"
                : "straight to the router (OpenClaw’s built-in URL)"}
            {baseUrl ? (
              <>
                {" "}
                (<code className="font-mono break-all">{baseUrl}</code>)
              </>
            ) : null}
            .
          </p>
        </div>
      </div>
    </Card>
  );
}
