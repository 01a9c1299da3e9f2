"use client";
import { useId } from "react";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/input-classes";
import { writeGatewayKey } from "@/lib/client/playground-key-store";

/** Shown when the gateway asked for DASHBOARD_API_KEY (the dashboard listens beyond loopback). */
export function GatewayKeyField({ value }: { value: string }) {
  const id = useId();
  return (
    <Card
      title="Gateway key"
      description="This dashboard listens beyond loopback, so its gateway wants DASHBOARD_API_KEY."
    >
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        DASHBOARD_API_KEY
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(event) => writeGatewayKey(event.target.value.trim())}
        className={inputClasses(false, "font-mono text-xs")}
      />
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        Kept in this tab only. Not your Hugging Face token.
      </p>
    </Card>
  );
}
