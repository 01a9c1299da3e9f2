"use client";
import { type ReactNode, useId } from "react";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatPrice, formatThroughput } from "@/lib/format";
import {
  cheapestProvider,
  fastestProvider,
  liveProviders,
  type RoutingChoice,
  type RoutingKind,
} from "@/lib/catalog/routing-policy";

interface Option {
  kind: RoutingKind;
  label: string;
  suffix: string;
  description: ReactNode;
  disabled?: boolean;
}

function options(model: CatalogModel): Option[] {
  const cheapest = cheapestProvider(model);
  const fastest = fastestProvider(model);
  const live = liveProviders(model);
  return [
    {
      kind: "default",
      label: "Default",
      suffix: "no suffix",
      description: "The router's default order (see the note below).",
    },
    {
      kind: "fastest",
      label: "Fastest",
      suffix: ":fastest",
      description: fastest ? (
        <>
          Highest throughput. Today:{" "}
          <strong className="font-medium text-zinc-800 dark:text-zinc-200">{fastest.provider}</strong> (
          {formatThroughput(fastest.throughput)})
        </>
      ) : (
        "Highest throughput. No provider reports a speed today."
      ),
    },
    {
      kind: "cheapest",
      label: "Cheapest",
      suffix: ":cheapest",
      description: cheapest ? (
        <>
          Lowest output price. Today:{" "}
          <strong className="font-medium text-zinc-800 dark:text-zinc-200">{cheapest.provider}</strong> (
          {formatPrice(cheapest.pricing?.output)} out)
        </>
      ) : (
        "Lowest output price. No provider publishes a price today."
      ),
    },
    {
      kind: "preferred",
      label: "Preferred",
      suffix: ":preferred",
      description: "Your provider order from your Hugging Face settings.",
    },
    {
      kind: "provider",
      label: "Specific provider",
      suffix: ":<provider>",
      description: live.length ? "Pin one backend, chosen below." : "No live provider to pin right now.",
      disabled: live.length === 0,
    },
  ];
}

/** Default / Fastest / Cheapest / Preferred / Specific provider, as one radio group. */
export function PolicySelector({
  model,
  choice,
  onChange,
}: {
  model: CatalogModel;
  choice: RoutingChoice;
  onChange: (kind: RoutingKind) => void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold">Routing policy</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {options(model).map((option) => {
          const checked = choice.kind === option.kind;
          return (
            <label
              key={option.kind}
              className={`flex cursor-pointer gap-2.5 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 ${
                checked
                  ? "border-accent-500 bg-accent-50 dark:border-accent-500/70 dark:bg-accent-500/10"
                  : "border-zinc-200 hover:border-zinc-300 dark:border-zinc-800 dark:hover:border-zinc-700"
              } ${option.disabled ? "cursor-not-allowed opacity-60" : ""} ${option.kind === "provider" ? "sm:col-span-2" : ""}`}
            >
              <input
                type="radio"
                name={name}
                value={option.kind}
                checked={checked}
                disabled={option.disabled}
                onChange={() => onChange(option.kind)}
                className="mt-0.5 size-4 accent-accent-500 focus-visible:outline-none"
              />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="flex items-baseline gap-2">
                  <span className="font-medium">{option.label}</span>
                  <code className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{option.suffix}</code>
                </span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{option.description}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
