/** Pure state of the settings form: alias rows, the input it sends, change detection. */
import { tryNormaliseRef } from "@/lib/refs";
import { SETTINGS_SWITCHES, type SettingsInput, type SettingsSwitches } from "@/lib/settings/settings-types";

/** One editable row of the aliases table; `key` is stable while the ref is edited. */
export interface AliasRow {
  key: string;
  ref: string;
  alias: string;
}

export interface SettingsDraft {
  primary: string;
  fallbacks: string[];
  aliasRows: AliasRow[];
  /** The page's on/off switches (model facts, …), sent with every save. */
  switches: SettingsSwitches;
}

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

/** Every switch of `input`, off where it says nothing. */
export function switchesOf(input: SettingsInput): SettingsSwitches {
  return Object.fromEntries(SETTINGS_SWITCHES.map((key) => [key, input[key] ?? false])) as SettingsSwitches;
}

export function draftFromInput(input: SettingsInput): SettingsDraft {
  return {
    switches: switchesOf(input),
    primary: input.primary ?? "",
    fallbacks: [...input.fallbacks],
    aliasRows: Object.entries(input.aliases)
      .filter(([, alias]) => alias !== "")
      .map(([ref, alias]) => ({ key: newRowKey(), ref, alias })),
  };
}

/** Refs written canonically when they parse, as typed otherwise (so the validator can name them). */
function canonical(ref: string): string {
  return tryNormaliseRef(ref) ?? ref.trim();
}

/** What the form sends: trimmed aliases keyed by canonical ref; blank rows are dropped. */
export function inputFromDraft(draft: SettingsDraft): SettingsInput {
  const aliases: Record<string, string> = {};
  for (const row of draft.aliasRows) {
    if (row.ref.trim() === "" && row.alias.trim() === "") continue;
    aliases[canonical(row.ref)] = row.alias.trim();
  }
  const primary = draft.primary.trim();
  return {
    primary: primary === "" ? null : canonical(primary),
    fallbacks: draft.fallbacks.map(canonical),
    aliases,
    ...draft.switches,
  };
}

/** Same primary, same fallbacks in the same order, same aliases (in any order), same switches (absent = unchanged). */
export function sameSettings(a: SettingsInput, b: SettingsInput): boolean {
  const aliasesOf = (input: SettingsInput) =>
    Object.entries(input.aliases)
      .filter(([, alias]) => alias.trim() !== "")
      .map(([ref, alias]) => `${canonical(ref)}\u0000${alias.trim()}`)
      .sort()
      .join("\u0001");
  const primaryOf = (input: SettingsInput) => (input.primary ? canonical(input.primary) : "");
  return (
    primaryOf(a) === primaryOf(b) &&
    a.fallbacks.map(canonical).join("\u0001") === b.fallbacks.map(canonical).join("\u0001") &&
    aliasesOf(a) === aliasesOf(b) &&
    SETTINGS_SWITCHES.every((key) => a[key] === undefined || b[key] === undefined || a[key] === b[key])
  );
}

/** Problems only the editor can have: a row with an alias but no ref, a ref listed twice, an empty alias. */
export function aliasRowIssues(rows: readonly AliasRow[]): Map<string, string[]> {
  const issues = new Map<string, string[]>();
  const add = (key: string, message: string) => issues.set(key, [...(issues.get(key) ?? []), message]);
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const ref = row.ref.trim();
    const alias = row.alias.trim();
    if (ref === "" && alias === "") return;
    if (ref === "") add(row.key, "Choose the model ref this alias stands for.");
    if (alias === "") add(row.key, "Enter an alias, or remove the row.");
    if (ref === "") return;
    const seen = firstRow.get(canonical(ref));
    if (seen === undefined) firstRow.set(canonical(ref), index);
    else add(row.key, `This ref already has an alias (row ${seen + 1}); a ref has one alias.`);
  });
  return issues;
}

/** Moves the item at `from` to `to` (clamped); returns a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}
