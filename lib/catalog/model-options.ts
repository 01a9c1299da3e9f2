/**
 * Options of the model comboboxes (primary, fallbacks, alias refs, onboarding):
 * every catalog ref, its routing variants, and refs only known from the config.
 */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { deriveDisplayName, modelLabel } from "@/lib/catalog/display-name";
import { describeSuffix, parseRef, POLICIES, type Policy, refFor, tryNormaliseRef, upstreamModelId } from "@/lib/refs";

export type ModelOptionKind = "model" | "policy" | "provider" | "config";

export interface ModelOption {
  /** The canonical ref the option stands for. */
  value: string;
  /** What the user reads first: the alias when set, else the model's name and routing. */
  label: string;
  /** The model's own name with the routing. */
  detail: string;
  /** What is shown beside the label: the model's name when an alias is the label (and differs from it). */
  realName: string | null;
  alias?: string;
  kind: ModelOptionKind;
  /** False for built-in models the router does not serve right now. */
  available: boolean;
  /** Lower-cased text the query is matched against. */
  search: string;
}

export interface BuildModelOptionsInput {
  /** ref -> alias, from the settings being edited. */
  aliases?: Record<string, string>;
  /** Refs in use (primary, fallbacks, alias keys) that must be offered even when the catalog lacks them. */
  extraRefs?: readonly string[];
  /** Policy suffixes offered for every model. */
  policies?: readonly Policy[];
  /** Offer `:<provider>` for every live provider. */
  providers?: boolean;
}

/** Canonical ref -> alias, ignoring empty aliases and keys that are not refs. */
function aliasIndex(aliases: Record<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [ref, alias] of Object.entries(aliases)) {
    const canonical = tryNormaliseRef(ref);
    if (canonical && alias.trim()) index.set(canonical, alias.trim());
  }
  return index;
}

function makeOption(
  value: string,
  name: string,
  kind: ModelOptionKind,
  available: boolean,
  aliases: Map<string, string>,
  extra: string[] = [],
): ModelOption {
  const suffix = parseRef(value).suffix;
  const routing = suffix.kind === "none" ? "" : describeSuffix(suffix).toLowerCase();
  const detail = routing ? `${name} · ${routing}` : name;
  const alias = aliases.get(value);
  const search = [value, upstreamModelId(value), name, routing, alias ?? "", ...extra].join(" ").toLowerCase();
  const { label, realName } = modelLabel(detail, alias);
  return { value, label, detail, realName, ...(alias ? { alias } : {}), kind, available, search };
}

/** Name of a ref the catalog does not know, derived from its id as the server does. */
function derivedName(ref: string): string {
  return deriveDisplayName(parseRef(ref).id);
}

/** One option per ref: each model, then its policy and provider variants, then refs only the config knows. */
export function buildModelOptions(models: readonly CatalogModel[], input: BuildModelOptionsInput = {}): ModelOption[] {
  const { policies = POLICIES, providers = true } = input;
  const aliases = aliasIndex(input.aliases ?? {});
  const seen = new Set<string>();
  const options: ModelOption[] = [];
  const push = (option: ModelOption) => {
    if (seen.has(option.value)) return;
    seen.add(option.value);
    options.push(option);
  };

  for (const model of models) {
    const keywords = [model.ownedBy];
    push(makeOption(model.ref, model.name, "model", model.available, aliases, keywords));
    for (const policy of policies) {
      push(makeOption(refFor(model.id, policy), model.name, "policy", model.available, aliases, keywords));
    }
    if (!providers) continue;
    const live = model.providers.filter((p) => p.status === "live").map((p) => p.provider);
    for (const provider of [...new Set(live)].sort()) {
      const ref = tryNormaliseRef(`${model.id}:${provider}`);
      if (ref) push(makeOption(ref, model.name, "provider", model.available, aliases, keywords));
    }
  }

  const extras = [...(input.extraRefs ?? []), ...aliases.keys()];
  for (const raw of extras) {
    const ref = tryNormaliseRef(raw);
    if (ref && !seen.has(ref)) push(makeOption(ref, derivedName(ref), "config", true, aliases));
  }
  return options;
}

const KIND_RANK: Record<ModelOptionKind, number> = { model: 0, config: 0, policy: 1, provider: 2 };

function rank(option: ModelOption, query: string, exactRef: string | null): number {
  if (option.value === exactRef) return 0;
  const names = [option.label, option.detail, option.alias ?? ""].map((name) => name.toLowerCase());
  if (names.includes(query)) return 1 + KIND_RANK[option.kind];
  // The model's name counts too: an alias must not push its model below similarly named ones.
  const prefix = names.some((name) => name !== "" && name.startsWith(query));
  return (prefix ? 4 : 7) + KIND_RANK[option.kind];
}

export interface FilteredOptions {
  options: ModelOption[];
  /** How many matches were left out by the limit. */
  hidden: number;
}

/**
 * Options matching every word of the query (in ref, id, name, alias, routing, org), best first:
 * the exact ref, an exact alias, label prefixes, then catalog order with plain models before variants.
 */
export function filterModelOptions(options: readonly ModelOption[], query: string, limit = 50): FilteredOptions {
  const text = query.trim().toLowerCase();
  if (!text) return { options: options.slice(0, limit), hidden: Math.max(0, options.length - limit) };
  const terms = text.split(/\s+/);
  const exactRef = tryNormaliseRef(query);
  const matches = options
    .map((option, index) => ({ option, index }))
    .filter(({ option }) => option.value === exactRef || terms.every((term) => option.search.includes(term)))
    .map(({ option, index }) => ({ option, index, rank: rank(option, text, exactRef) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ option }) => option);
  return { options: matches.slice(0, limit), hidden: Math.max(0, matches.length - limit) };
}

/** A "use this ref" option for typed text that is a valid ref not already offered; null otherwise. */
export function customRefOption(query: string, options: readonly ModelOption[]): ModelOption | null {
  const ref = tryNormaliseRef(query);
  if (!ref || options.some((option) => option.value === ref)) return null;
  const option = makeOption(ref, derivedName(ref), "config", true, new Map());
  return { ...option, label: `Use ${ref}`, detail: "Typed ref (not in the catalog)", realName: null };
}

/** The option for a ref, or a plain one when the catalog does not know it (so a value always has a label). */
export function optionForRef(ref: string, options: readonly ModelOption[]): ModelOption | null {
  const canonical = tryNormaliseRef(ref);
  if (!canonical) return null;
  return (
    options.find((option) => option.value === canonical) ??
    makeOption(canonical, derivedName(canonical), "config", true, new Map())
  );
}
