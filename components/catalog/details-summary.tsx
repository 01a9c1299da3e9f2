import { modelTraits } from "@/lib/catalog/catalog-filter";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { formatContext, formatPriceRange, formatThroughput, formatPrice } from "@/lib/format";
import { cheapestProvider, fastestProvider, priceRange } from "@/lib/catalog/routing-policy";

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums">{value}</dd>
      {detail ? <dd className="truncate text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd> : null}
    </div>
  );
}

/** Key numbers of the model at a glance, from today's live providers. */
export function DetailsSummary({ model }: { model: CatalogModel }) {
  const traits = modelTraits(model);
  const range = priceRange(model);
  const cheapest = cheapestProvider(model);
  const fastest = fastestProvider(model);
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <Stat label="Context" value={formatContext(model.contextWindow)} detail="smallest live provider" />
      <Stat
        label="Input / 1M"
        value={
          range
            ? formatPriceRange(range.input.min, range.input.max)
            : model.configCost
              ? formatPrice(model.configCost.input)
              : "—"
        }
        detail={range ? "over live providers" : model.configCost ? "from your config" : "not published"}
      />
      <Stat
        label="Output / 1M"
        value={
          range
            ? formatPriceRange(range.output.min, range.output.max)
            : model.configCost
              ? formatPrice(model.configCost.output)
              : "—"
        }
        detail={range ? "over live providers" : model.configCost ? "from your config" : "not published"}
      />
      <Stat label="Providers" value={traits.total ? `${traits.live} live of ${traits.total}` : "none"} />
      <Stat
        label=":cheapest picks"
        value={cheapest?.provider ?? "—"}
        detail={cheapest ? `${formatPrice(cheapest.pricing?.output)} out` : "no price data"}
      />
      <Stat
        label=":fastest picks"
        value={fastest?.provider ?? "—"}
        detail={fastest ? formatThroughput(fastest.throughput) : "no speed data"}
      />
    </dl>
  );
}
