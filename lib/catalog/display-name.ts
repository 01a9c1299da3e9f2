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
