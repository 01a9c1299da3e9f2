import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatContext, formatPrice, formatPriceRange } from "@/lib/format";
import { choiceOutcome, type RoutingChoice } from "@/lib/catalog/routing-policy";
import { CopyButton } from "@/components/ui/copy-button";

function priceText(model: CatalogModel, choice: RoutingChoice): string {
  const outcome = choiceOutcome(model, choice);
  if (outcome.pricing) return `${formatPrice(outcome.pricing.input)} in · ${formatPrice(outcome.pricing.output)} out`;
  if (choice.kind === "provider" || choice.kind === "fastest" || choice.kind === "cheapest")
    return "unknown (not published)";
  if (outcome.range) {
    return `${formatPriceRange(outcome.range.input.min, outcome.range.input.max)} in · ${formatPriceRange(
      outcome.range.output.min,
      outcome.range.output.max,
    )} out, depending on the backend`;
  }
  return "unknown (no provider publishes a price)";
}

/** The ref a choice produces and what follows from it today: backend, context window, price. */
export function RoutingResult({
  model,
  choice,
  refText,
}: {
  model: CatalogModel;
  choice: RoutingChoice;
  refText: string;
}) {
  const outcome = choiceOutcome(model, choice);
  const contextNote =
    choice.kind === "provider"
      ? outcome.provider?.contextLength != null
        ? `of ${choice.provider}`
        : "smallest live provider; this one does not say"
      : "smallest among live providers";
  const backend =
    choice.kind === "provider"
      ? choice.provider
      : choice.kind === "fastest" || choice.kind === "cheapest"
        ? outcome.provider
          ? `${outcome.provider.provider} today, as the router sees it; it may change`
          : "decided by the router (no data to predict it)"
        : "decided by the router";
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900/50">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Resulting ref
        </span>
        <code data-testid="resulting-ref" className="min-w-0 flex-1 font-mono text-[13px] break-all">
          {refText}
        </code>
        <CopyButton text={refText} label="Copy the resulting ref" />
      </div>
      <dl className="mt-2 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-500 dark:text-zinc-400">Backend</dt>
        <dd>{backend}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Context window</dt>
        <dd>
          {formatContext(outcome.contextWindow)}{" "}
          <span className="text-zinc-500 dark:text-zinc-400">({contextNote})</span>
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Price per 1M tokens</dt>
        <dd>{priceText(model, choice)}</dd>
      </dl>
      {choice.kind === "default" || choice.kind === "preferred" ? (
        <p className="mt-2 border-t border-zinc-200 pt-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <strong className="font-medium text-zinc-800 dark:text-zinc-200">Note:</strong> OpenClaw’s docs say a ref with
          no suffix follows your Hugging Face settings order; Hugging Face’s current docs say no suffix behaves like{" "}
          <code className="font-mono">:fastest</code> and <code className="font-mono">:preferred</code> follows your
          order. Pick <code className="font-mono">:preferred</code> or <code className="font-mono">:fastest</code> to be
          explicit.
        </p>
      ) : null}
    </div>
  );
}
