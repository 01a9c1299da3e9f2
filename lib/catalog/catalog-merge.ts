import { BUILTIN_MODELS, type BuiltinModel } from "./builtin-catalog";
import type { CatalogModel, CatalogProvider } from "./catalog-types";
import type { ConfigOverlay } from "@/lib/settings/config-models";
import { deriveDisplayName, firstName, modelLabel } from "./display-name";
import { formatRef, parseRef, type ParsedRef } from "@/lib/refs";

/** One model of the router's live list, already in our field names. */
export interface LiveModel {
  id: string;
  ownedBy?: string;
  /** `name` / `title` / `display_name` from the API, when present. */
  apiName?: string;
  input?: string[];
  providers: CatalogProvider[];
}

/** Ids whose family is known to think before answering; the live list has no such flag. */
const REASONING_ID =
  /(?:^|[-_/.])(?:r1|qwq|thinking|reasoning|magistral|gpt-oss|qwen3-(?!.*instruct-2507)|glm-4\.[5-9]|kimi-k2\.5)/i;

export function looksLikeReasoning(id: string): boolean {
  return REASONING_ID.test(id);
}

function smallest(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

function tryParse(id: string): ParsedRef | null {
  try {
    const parsed = parseRef(id);
    return parsed.suffix.kind === "none" ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Merges config overlays, the live list (null when unavailable) and the built-in catalog.
 * Per field the first source with a value wins: config, then live, then built-in, then derived.
 */
export function mergeCatalog(
  live: LiveModel[] | null,
  overlay: ConfigOverlay,
  builtins: readonly BuiltinModel[] = BUILTIN_MODELS,
): CatalogModel[] {
  const liveById = new Map<string, LiveModel>();
  for (const model of live ?? []) if (tryParse(model.id) && !liveById.has(model.id)) liveById.set(model.id, model);
  const builtinById = new Map(builtins.map((b) => [b.id, b]));
  const overrideIds = Object.keys(overlay.overrides).map((ref) => parseRef(ref).id);
  const ids = [...new Set([...liveById.keys(), ...builtinById.keys(), ...overrideIds])];

  return ids.flatMap((id) => {
    const parsed = tryParse(id);
    if (!parsed) return [];
    const ref = formatRef(parsed);
    const liveModel = liveById.get(id);
    const builtin = builtinById.get(id);
    const override = overlay.overrides[ref] ?? {};
    const alias = overlay.aliases[ref];
    const name = firstName(override.name, liveModel?.apiName, builtin?.name) ?? deriveDisplayName(id);
    const providers = liveModel?.providers ?? [];
    const liveProviders = providers.filter((p) => p.status === "live");
    const model: CatalogModel = {
      ref,
      id,
      displayName: modelLabel(name, alias).label,
      name,
      ...(alias ? { alias } : {}),
      ownedBy: liveModel?.ownedBy ?? parsed.org,
      available: liveProviders.length > 0,
      builtin: builtin !== undefined,
      contextWindow:
        override.contextWindow ?? smallest(liveProviders.map((p) => p.contextLength)) ?? builtin?.contextWindow,
      maxTokens: override.maxTokens,
      reasoning: override.reasoning ?? builtin?.reasoning ?? looksLikeReasoning(id),
      input: override.input ?? (liveModel?.input?.length ? liveModel.input : undefined) ?? builtin?.input ?? ["text"],
      configCost: override.cost,
      providers,
    };
    return [model];
  });
}
