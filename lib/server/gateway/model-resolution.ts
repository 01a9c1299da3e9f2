import "server-only";
import { DEFAULT_MODEL, defaultRefs, isDefaultName, resolveModelName, type ModelSettings } from "@/lib/model-names";
import { tryNormaliseRef } from "@/lib/refs";

/** More candidates than this is a misconfiguration, not a plan: each costs a round trip. */
export const MAX_CANDIDATES = 8;

export interface ResolutionRequest {
  /** The request's `model`; absent means default. */
  model?: string | null;
  /** OpenRouter-style extra candidates (`models: [...]`) tried after `model`, in order. */
  models?: readonly string[];
}

export type Resolution =
  | { ok: true; kind: "default" | "alias" | "ref"; candidates: string[] }
  | { ok: false; code: "invalid_model" | "no_default_model"; param: "model" | "models"; message: string };

/**
 * Turns the requested model into the refs to try, in order.
 * An explicit ref or alias means exactly that model (plus any `models` the client listed);
 * `default` (or no model) means the configured primary, then its fallbacks.
 */
export function resolveCandidates(
  request: ResolutionRequest,
  settings: ModelSettings | null,
  catalogAliases: Readonly<Record<string, string>> = {},
): Resolution {
  const aliasMaps = [settings?.aliases ?? {}, catalogAliases];
  const candidates: string[] = [];
  let kind: "default" | "alias" | "ref";

  if (isDefaultName(request.model)) {
    kind = "default";
    candidates.push(...defaultRefs(settings));
    if (candidates.length === 0 && (request.models ?? []).length === 0) {
      return {
        ok: false,
        code: "no_default_model",
        param: "model",
        message:
          'No default model is configured: set a primary model on the dashboard\'s Settings page, or send a model ref such as "huggingface/Qwen/Qwen3-8B".',
      };
    }
  } else {
    const one = resolveModelName(request.model ?? "", aliasMaps);
    if (one.kind === "unknown") return { ok: false, code: "invalid_model", param: "model", message: one.message };
    kind = one.kind;
    candidates.push(one.ref);
  }

  for (const extra of request.models ?? []) {
    const one = resolveModelName(extra, aliasMaps);
    if (one.kind === "unknown") return { ok: false, code: "invalid_model", param: "models", message: one.message };
    candidates.push(one.ref);
  }

  return { ok: true, kind, candidates: [...new Set(candidates)].slice(0, MAX_CANDIDATES) };
}

/** One entry of OpenAI's model list; `ref` tells what an alias or `default` stands for. */
export interface GatewayModelEntry {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  ref?: string;
}

/**
 * Every name the gateway accepts as `model`: `default` (when a primary is set), each alias
 * (from the config and the catalog), then every catalog ref.
 */
export function gatewayModelList(
  catalog: { fetchedAt: string | null; models: readonly { ref: string; ownedBy: string; alias?: string }[] },
  settings: ModelSettings | null,
  now: number = Date.now(),
): { object: "list"; data: GatewayModelEntry[] } {
  const fetched = catalog.fetchedAt ? Date.parse(catalog.fetchedAt) : Number.NaN;
  const created = Math.floor((Number.isNaN(fetched) ? now : fetched) / 1000);
  const owners = new Map(catalog.models.map((m) => [m.ref, m.ownedBy]));
  const ownerOf = (ref: string) => owners.get(ref.split(":")[0] ?? ref) ?? "huggingface";
  const data: GatewayModelEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: Omit<GatewayModelEntry, "object" | "created">) => {
    const key = entry.id.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    data.push({ object: "model", created, ...entry });
  };

  const primary = settings?.primary ? tryNormaliseRef(settings.primary) : null;
  if (primary) add({ id: DEFAULT_MODEL, owned_by: ownerOf(primary), ref: primary });
  const aliases: [string, string][] = [
    ...Object.entries(settings?.aliases ?? {}),
    ...catalog.models.flatMap((m): [string, string][] => (m.alias ? [[m.ref, m.alias]] : [])),
  ];
  for (const [rawRef, alias] of aliases) {
    const ref = tryNormaliseRef(rawRef);
    if (ref && alias.trim()) add({ id: alias.trim(), owned_by: ownerOf(ref), ref });
  }
  for (const model of catalog.models) add({ id: model.ref, owned_by: model.ownedBy });
  return { object: "list", data };
}
