/**
 * One line saying what changed between two versions of the config file, for the history list:
 * "primary DeepSeek R1 → Qwen3 8B; +1 fallback; alias GLM removed". Pure.
 */
import { deriveDisplayName } from "@/lib/catalog/display-name";
import { parseRef, suffixText, tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput } from "./settings-types";

/** What one version of the file says: its settings, or null when it could not be parsed. */
export type VersionSettings = SettingsInput | null;

/** A short, readable name for a ref: "Qwen3 8B", "Qwen3 8B:cheapest"; other providers' refs as written. */
export function shortRefName(ref: string): string {
  const canonical = tryNormaliseRef(ref);
  if (!canonical || !ref.startsWith("huggingface/")) return ref;
  const parsed = parseRef(canonical);
  const suffix = suffixText(parsed.suffix);
  return `${deriveDisplayName(parsed.id)}${suffix ? `:${suffix}` : ""}`;
}

function countOf(count: number, noun: string, sign: "+" | "−"): string {
  return `${sign}${count} ${noun}${count === 1 ? "" : noun.endsWith("s") ? "es" : "s"}`;
}

function primaryChange(before: string | null, after: string | null): string | null {
  if (before === after) return null;
  if (before === null) return `primary set to ${shortRefName(after ?? "")}`;
  if (after === null) return `primary ${shortRefName(before)} removed`;
  return `primary ${shortRefName(before)} → ${shortRefName(after)}`;
}

function fallbackChanges(before: readonly string[], after: readonly string[]): string[] {
  const added = after.filter((ref) => !before.includes(ref));
  const removed = before.filter((ref) => !after.includes(ref));
  const parts: string[] = [];
  if (added.length) parts.push(countOf(added.length, "fallback", "+"));
  if (removed.length) parts.push(countOf(removed.length, "fallback", "−"));
  const kept = before.filter((ref) => after.includes(ref));
  const keptAfter = after.filter((ref) => before.includes(ref));
  if (kept.join("\n") !== keptAfter.join("\n")) parts.push("fallbacks reordered");
  return parts;
}

/** Up to two aliases are named; more are counted. */
function aliasChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const added: string[] = [];
  const removed: string[] = [];
  const renamed: string[] = [];
  for (const [ref, alias] of Object.entries(after)) {
    const old = before[ref];
    if (old === undefined) added.push(alias);
    else if (old !== alias) renamed.push(`alias ${old} → ${alias}`);
  }
  for (const [ref, alias] of Object.entries(before)) if (!(ref in after)) removed.push(alias);
  const parts: string[] = [];
  if (added.length === 1) parts.push(`alias ${added[0]} added`);
  else if (added.length > 1) parts.push(countOf(added.length, "alias", "+"));
  if (removed.length === 1) parts.push(`alias ${removed[0]} removed`);
  else if (removed.length > 1) parts.push(countOf(removed.length, "alias", "−"));
  if (renamed.length <= 2) parts.push(...renamed);
  else parts.push(`${renamed.length} aliases renamed`);
  return parts;
}

/**
 * What changed from `before` to `after`, as one line. `before` undefined means there is no
 * earlier version to compare with (the first version the dashboard saw).
 */
export function summariseChange(before: VersionSettings | undefined, after: VersionSettings): string {
  if (before === undefined) return "first version seen by the dashboard";
  if (after === null) return before === null ? "edited while not valid JSON5" : "the file is no longer valid JSON5";
  if (before === null) return "valid JSON5 again";
  const parts = [
    primaryChange(before.primary, after.primary),
    ...fallbackChanges(before.fallbacks, after.fallbacks),
    ...aliasChanges(before.aliases, after.aliases),
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : "no model changes (other parts of the file)";
}
