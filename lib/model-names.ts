/**
 * What a model name means: `default`, an alias, or a ref. One rule for the gateway (which resolves
 * a request's `model`) and the playground (which shows what a pick stands for), so both agree.
 * See docs/ARCHITECTURE.md, "A proxied chat".
 */
import { RefError, normaliseRef, tryNormaliseRef } from "@/lib/refs";

/** The name meaning "the configured primary, then its fallbacks". */
export const DEFAULT_MODEL = "default";

/** The parts of the settings that give model names a meaning. */
export interface ModelSettings {
  primary: string | null;
  fallbacks: readonly string[];
  /** ref -> alias */
  aliases: Readonly<Record<string, string>>;
}

export type AliasMap = Readonly<Record<string, string>>;

export type NameResolution = { kind: "alias" | "ref"; ref: string } | { kind: "unknown"; message: string };

/** True for `default` (any case) and for no name at all. */
export function isDefaultName(name: string | null | undefined): boolean {
  const text = name?.trim() ?? "";
  return text === "" || text.toLowerCase() === DEFAULT_MODEL;
}

/** The normalised ref an alias stands for (case-insensitive; earlier maps win), or null. */
export function aliasTarget(name: string, aliasMaps: readonly AliasMap[]): string | null {
  const wanted = name.trim().toLowerCase();
  for (const map of aliasMaps) {
    for (const [ref, alias] of Object.entries(map)) {
      if (alias.trim().toLowerCase() !== wanted) continue;
      const normal = tryNormaliseRef(ref);
      if (normal) return normal;
    }
  }
  return null;
}

/**
 * Resolves a name other than `default`. Aliases come first: an alias may contain a "/"
 * (`team/glm`) and would otherwise be misread as a ref.
 */
export function resolveModelName(name: string, aliasMaps: readonly AliasMap[]): NameResolution {
  const aliased = aliasTarget(name, aliasMaps);
  if (aliased) return { kind: "alias", ref: aliased };
  try {
    return { kind: "ref", ref: normaliseRef(name) };
  } catch (error) {
    if (!(error instanceof RefError)) throw error;
    return {
      kind: "unknown",
      message: `Unknown model "${name.trim()}": not an alias, and not a valid ref (${error.message}).`,
    };
  }
}

/** The configured primary then fallbacks, normalised; malformed refs of a hand-edited file are skipped. */
export function defaultRefs(settings: ModelSettings | null): string[] {
  return [settings?.primary ?? null, ...(settings?.fallbacks ?? [])].flatMap((ref) => {
    const normal = ref ? tryNormaliseRef(ref) : null;
    return normal ? [normal] : [];
  });
}

/** The first ref a name stands for (the primary for `default`); null when it names nothing known. */
export function refOfName(name: string, settings: ModelSettings | null): string | null {
  if (isDefaultName(name)) return defaultRefs(settings)[0] ?? null;
  const resolved = resolveModelName(name, [settings?.aliases ?? {}]);
  return resolved.kind === "unknown" ? null : resolved.ref;
}
