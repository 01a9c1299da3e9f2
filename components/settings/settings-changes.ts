/** Human-readable differences between two settings states (what changed on disk in a conflict). */
import { tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput } from "@/lib/settings/settings-types";

export interface SettingsChange {
  field: "primary" | "fallbacks" | "alias";
  /** The ref an alias change is about. */
  ref?: string;
  before: string;
  after: string;
}

const NONE = "(none)";

function aliasMap(aliases: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [ref, alias] of Object.entries(aliases)) {
    if (alias.trim() !== "") map.set(tryNormaliseRef(ref) ?? ref, alias.trim());
  }
  return map;
}

/** Changes from `before` to `after`: primary, fallbacks (as one ordered list), then each alias by ref. */
export function settingsChanges(before: SettingsInput, after: SettingsInput): SettingsChange[] {
  const changes: SettingsChange[] = [];
  if ((before.primary ?? "") !== (after.primary ?? "")) {
    changes.push({ field: "primary", before: before.primary ?? NONE, after: after.primary ?? NONE });
  }
  const list = (refs: string[]) => (refs.length ? refs.join(", ") : NONE);
  if (list(before.fallbacks) !== list(after.fallbacks)) {
    changes.push({ field: "fallbacks", before: list(before.fallbacks), after: list(after.fallbacks) });
  }
  const a = aliasMap(before.aliases);
  const b = aliasMap(after.aliases);
  for (const ref of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const was = a.get(ref) ?? NONE;
    const now = b.get(ref) ?? NONE;
    if (was !== now) changes.push({ field: "alias", ref, before: was, after: now });
  }
  return changes;
}

/** "Primary model", "Fallbacks", "Alias of <ref>". */
export function changeLabel(change: SettingsChange): string {
  if (change.field === "primary") return "Primary model";
  if (change.field === "fallbacks") return "Fallbacks";
  return `Alias of ${change.ref ?? ""}`;
}
