import type { CatalogModel } from "@/lib/catalog/catalog-types";
import type { Reply } from "@/lib/client/playground-conversation";
import { replyMetrics } from "@/lib/client/playground-metrics";

function Item({ label, value, title, mono }: { label: string; value: string; title?: string; mono?: boolean }) {
  return (
    <div className="flex min-w-0 gap-1" title={title}>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`truncate text-zinc-800 dark:text-zinc-200 ${mono ? "font-mono" : ""}`}>{value}</dd>
    </div>
  );
}

/** Who answered and how fast: ref, provider, fallbacks, first token, speed, tokens, cost. */
export function ReplyMeta({ reply, models }: { reply: Reply; models: readonly CatalogModel[] }) {
  const metrics = replyMetrics(reply, models);
  const routing = reply.routing;
  const attempts = routing?.fallbackAttempts ?? 0;
  return (
    <dl aria-label="Reply details" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      <Item label="Model" value={routing?.ref ?? "—"} mono />
      <Item label="Provider" value={routing?.provider ?? "—"} />
      {attempts > 0 || routing?.fallbackErrors ? (
        <Item
          label="Fallbacks"
          value={`${attempts} (${routing?.fallbackErrors ?? "earlier models failed"})`}
          title="Models tried before this one, and how each failed"
        />
      ) : null}
      <Item label="First token" value={metrics.firstToken} />
      <Item
        label="Speed"
        value={metrics.speed}
        title="Output tokens per second after the first token; ≈ means estimated from chunks"
      />
      <Item label="Tokens" value={metrics.tokens} />
      <Item label="Cost" value={metrics.cost} title={metrics.costNote} />
    </dl>
  );
}
