/** "deepseek-ai/DeepSeek-R1" -> "DeepSeek R1": last path segment, `-` and `_` as spaces, casing kept. */
export function deriveDisplayName(id: string): string {
  const last = id.split("/").pop() ?? id;
  const name = last.split(":")[0] ?? last;
  return name.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim() || id;
}

/** The first non-blank candidate, trimmed. */
export function firstName(...candidates: (string | undefined | null)[]): string | undefined {
  for (const candidate of candidates) {
    const trimmed = candidate?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** How the UI names a model: the label read first, and the real name shown beside it (or null). */
export interface ModelLabel {
  label: string;
  realName: string | null;
}

/**
 * The one rule for naming a model anywhere in the UI (catalog, settings, playground, onboarding):
 * the user's alias when set, with the model's own name beside it; else the name alone. The name
 * itself is the config `name`, then the API's, the built-in one or one derived from the id (README,
 * "The catalog"). An alias equal to the name (any case) is not repeated beside it.
 */
export function modelLabel(name: string, alias?: string | null): ModelLabel {
  const chosen = alias?.trim();
  if (!chosen) return { label: name, realName: null };
  return { label: chosen, realName: chosen.toLowerCase() === name.trim().toLowerCase() ? null : name };
}
