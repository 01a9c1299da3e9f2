"use client";
import { useId } from "react";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatContext, formatLatency, formatPrice, formatThroughput } from "@/lib/format";
import { liveProviders } from "@/lib/catalog/routing-policy";

/** The live backends of a model, one to pin (`:<provider>`). Shown only for "Specific provider". */
export function BackendPicker({
  model,
  provider,
  onChange,
}: {
  model: CatalogModel;
  provider: string;
  onChange: (provider: string) => void;
}) {
  const name = useId();
  const live = liveProviders(model);
  const pinnedIsLive = live.some((entry) => entry.provider === provider);
  return (
    <fieldset className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">Backend</legend>
      {!pinnedIsLive ? (
        <p role="alert" className="mb-2 text-xs text-amber-800 dark:text-amber-300">
          “{provider}” is not a live provider of this model right now: requests pinned to it will fail.
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        {live.map((entry) => {
          const checked = entry.provider === provider;
          return (
            <label
              key={entry.provider}
              className={`grid cursor-pointer grid-cols-[1rem_minmax(0,1fr)_auto] items-center gap-x-2.5 rounded px-2 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 ${
                checked ? "bg-accent-50 dark:bg-accent-500/10" : "hover:bg-zinc-50 dark:hover:bg-zinc-900"
              }`}
            >
              <input
                type="radio"
                name={name}
                value={entry.provider}
                checked={checked}
                onChange={() => onChange(entry.provider)}
                className="size-4 accent-accent-500 focus-visible:outline-none"
              />
              <span className="truncate font-medium">{entry.provider}</span>
              <span className="flex gap-3 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                <span title="Input / output price per 1M tokens">
                  {formatPrice(entry.pricing?.input)} / {formatPrice(entry.pricing?.output)}
                </span>
                <span title="Context window" className="w-10 text-right">
                  {formatContext(entry.contextLength)}
                </span>
                <span title="Throughput" className="hidden w-16 text-right sm:inline">
                  {formatThroughput(entry.throughput)}
                </span>
                <span title="First-token latency" className="hidden w-14 text-right sm:inline">
                  {formatLatency(entry.firstTokenLatencyMs)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
