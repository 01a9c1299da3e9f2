/**
 * What the playground's model pickers offer and what a pick stands for: `default` (the primary,
 * then its fallbacks), aliases, then every catalog ref with its routing variants.
 */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { buildModelOptions, type ModelOption } from "@/lib/catalog/model-options";
import { baseRef, tryNormaliseRef } from "@/lib/refs";

export const DEFAULT_CHOICE = "default";

export interface PlaygroundSettings {
  primary: string | null;
  fallbacks: readonly string[];
  aliases: Readonly<Record<string, string>>;
}

function aliasTarget(name: string, settings: PlaygroundSettings | null): string | null {
  const wanted = name.trim().toLowerCase();
  for (const [ref, alias] of Object.entries(settings?.aliases ?? {})) {
    if (alias.trim().toLowerCase() === wanted) return tryNormaliseRef(ref);
  }
  return null;
}

/** The ref a pick stands for (first candidate for `default`); null when it names nothing known. */
export function refOfChoice(choice: string, settings: PlaygroundSettings | null): string | null {
  if (choice.trim().toLowerCase() === DEFAULT_CHOICE)
    return settings?.primary ? tryNormaliseRef(settings.primary) : null;
  return aliasTarget(choice, settings) ?? tryNormaliseRef(choice);
}

export function playgroundModelOptions(
  models: readonly CatalogModel[],
  settings: PlaygroundSettings | null,
): ModelOption[] {
  const special: ModelOption[] = [];
  const primary = settings?.primary ? tryNormaliseRef(settings.primary) : null;
  if (primary) {
    const fallbacks = settings?.fallbacks.length ?? 0;
    const detail = `${primary}${fallbacks ? `, then ${fallbacks} fallback${fallbacks === 1 ? "" : "s"}` : ""}`;
    special.push({
      value: DEFAULT_CHOICE,
      label: "Default",
      detail,
      kind: "config",
      available: true,
      search: `default primary ${detail}`.toLowerCase(),
    });
  }
  for (const [rawRef, rawAlias] of Object.entries(settings?.aliases ?? {})) {
    const ref = tryNormaliseRef(rawRef);
    const alias = rawAlias.trim();
    if (!ref || !alias) continue;
    special.push({
      value: alias,
      label: alias,
      detail: ref,
      alias,
      kind: "config",
      available: true,
      search: `${alias} alias ${ref}`.toLowerCase(),
    });
  }
  const extraRefs = [primary, ...(settings?.fallbacks ?? [])].filter((ref): ref is string => Boolean(ref));
  return [...special, ...buildModelOptions(models, { aliases: { ...settings?.aliases }, extraRefs })];
}

/** The first pick: the `?model=` of "Open in playground", else `default` when a primary is set, else the first live model. */
export function initialChoice(
  param: string | null,
  settings: PlaygroundSettings | null,
  models: readonly CatalogModel[],
): string {
  const fromParam = param ? (tryNormaliseRef(param) ?? (aliasTarget(param, settings) ? param.trim() : null)) : null;
  if (fromParam) return fromParam;
  if (settings?.primary && tryNormaliseRef(settings.primary)) return DEFAULT_CHOICE;
  return models.find((m) => m.available)?.ref ?? models[0]?.ref ?? "";
}

/** The catalog entry of a ref (suffix ignored), for prices and names. */
export function catalogModelOf(ref: string | null, models: readonly CatalogModel[]): CatalogModel | undefined {
  if (!ref) return undefined;
  const base = tryNormaliseRef(ref) ? baseRef(ref) : null;
  return base ? models.find((m) => m.ref === base) : undefined;
}
