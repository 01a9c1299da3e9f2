import type { ModelTraits } from "@/lib/catalog/catalog-filter";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { ModelUsage } from "@/lib/client/catalog-actions";
import { Badge } from "./badge";

/** Config role badges: where the OpenClaw config uses this model. */
export function UsageBadges({ usage }: { usage: ModelUsage }) {
  return (
    <>
      {usage.primary ? (
        <Badge tone="accent" title={`Primary model: ${usage.primary}`}>
          Primary
        </Badge>
      ) : null}
      {usage.fallbacks.map(({ ref, position }) => (
        <Badge key={ref} tone="outline" title={`Fallback #${position}: ${ref}`}>
          Fallback {position}
        </Badge>
      ))}
    </>
  );
}

/**
 * Capability and availability badges of a model. `liveListKnown` is false when only the built-in
 * list is shown: then nobody knows what the router serves, so "not routed" is said only when it said so.
 * A prop, not a query hook: rows mount by the dozen while scrolling, and a query observer each costs.
 */
export function TraitBadges({
  model,
  traits,
  liveListKnown,
}: {
  model: CatalogModel;
  traits: ModelTraits;
  liveListKnown: boolean;
}) {
  return (
    <>
      {!liveListKnown ? null : !model.available ? (
        <Badge tone="red" title="Built-in model the router does not list right now">
          not routed
        </Badge>
      ) : model.providers.length > 0 && traits.live === 0 ? (
        <Badge tone="red" title="Every provider reports an error">
          no live provider
        </Badge>
      ) : null}
      {model.reasoning ? (
        <Badge tone="violet" title="Reasoning model">
          reasoning
        </Badge>
      ) : null}
      {traits.vision ? (
        <Badge tone="sky" title="Accepts image input">
          vision
        </Badge>
      ) : null}
      {traits.tools ? (
        <Badge tone="blue" title="A live provider supports tool calling">
          tools
        </Badge>
      ) : null}
      {traits.free ? (
        <Badge tone="green" title="A live provider serves it for free">
          free
        </Badge>
      ) : null}
    </>
  );
}
