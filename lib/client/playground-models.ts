/**
 * What the playground's model pickers offer and what a pick stands for: `default` (the primary,
 * then its fallbacks), aliases, then every catalog ref with its routing variants.
 */
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { modelLabel } from "@/lib/catalog/display-name";
import { buildModelOptions, optionForRef, type ModelOption } from "@/lib/catalog/model-options";
import { DEFAULT_MODEL, resolveModelName, type ModelSettings } from "@/lib/model-names";
import { baseRef, tryNormaliseRef } from "@/lib/refs";

export function playgroundModelOptions(models: readonly CatalogModel[], settings: ModelSettings | null): ModelOption[] {
  const primary = settings?.primary ? tryNormaliseRef(settings.primary) : null;
  const extraRefs = [primary, ...(settings?.fallbacks ?? [])].filter((ref): ref is string => Boolean(ref));
  const regular = buildModelOptions(models, { aliases: { ...settings?.aliases }, extraRefs });
  const special: ModelOption[] = [];
  if (primary) {
    const fallbacks = settings?.fallbacks.length ?? 0;
    const detail = `${primary}${fallbacks ? `, then ${fallbacks} fallback${fallbacks === 1 ? "" : "s"}` : ""}`;
    special.push({
      value: DEFAULT_MODEL,
      label: "Default",
      detail,
      realName: null,
      kind: "config",
      available: true,
      search: `default primary ${detail}`.toLowerCase(),
    });
  }
  for (const [rawRef, rawAlias] of Object.entries(settings?.aliases ?? {})) {
    const ref = tryNormaliseRef(rawRef);
    const alias = rawAlias.trim();
    if (!ref || !alias) continue;
    // Named by the same rule as everywhere: the alias, with the model's own name beside it.
    const name = optionForRef(ref, regular)?.detail ?? ref;
    special.push({
      value: alias,
      label: alias,
      detail: ref,
      realName: modelLabel(name, alias).realName,
      alias,
      kind: "config",
      available: true,
      search: `${alias} alias ${ref}`.toLowerCase(),
    });
  }
  return [...special, ...regular];
}

/** The first pick: the `?model=` of "Open in playground", else `default` when a primary is set, else the first live model. */
export function initialChoice(
  param: string | null,
  settings: ModelSettings | null,
  models: readonly CatalogModel[],
): string {
  // The gateway's rule decides what the name means, so an alias that looks like a ref stays an alias.
  const fromParam = param ? resolveModelName(param, [settings?.aliases ?? {}]) : null;
  if (fromParam?.kind === "alias") return param?.trim() ?? "";
  if (fromParam?.kind === "ref") return fromParam.ref;
  if (settings?.primary && tryNormaliseRef(settings.primary)) return DEFAULT_MODEL;
  return models.find((m) => m.available)?.ref ?? models[0]?.ref ?? "";
}

/** The catalog entry of a ref (suffix ignored), for prices and names. */
export function catalogModelOf(ref: string | null, models: readonly CatalogModel[]): CatalogModel | undefined {
  if (!ref) return undefined;
  const base = tryNormaliseRef(ref) ? baseRef(ref) : null;
  return base ? models.find((m) => m.ref === base) : undefined;
}
