/** Places validation issues (`{path, message}`, from the shared validator or a 400 answer) next to their fields. */
import type { ApiIssue } from "@/lib/api-error";
import { equalRefs } from "@/lib/refs";
import { aliasRowIssues, type SettingsDraft } from "./form-model";

export type Issue = ApiIssue;

export interface FieldIssues {
  primary: string[];
  /** About the list as a whole. */
  fallbacks: string[];
  /** By position in the list. */
  fallbackItems: Map<number, string[]>;
  /** By alias row key. */
  aliasRows: Map<string, string[]>;
  /** Anything that names no field of the form. */
  general: string[];
  count: number;
}

/** `fallbacks.2`, `fallbacks[2]`, `aliases.huggingface/org/model`, `aliases["…"]` -> [head, rest]. */
function splitPath(path: string): [string, string | null] {
  const match = /^([A-Za-z]+)(?:\.(.+)|\[(?:"(.+)"|'(.+)'|(\d+))\])?$/.exec(path.trim());
  if (!match) return [path, null];
  const [, head = path, dotted, dq, sq, index] = match;
  return [head, dotted ?? dq ?? sq ?? index ?? null];
}

function push<K>(map: Map<K, string[]>, key: K, message: string) {
  const list = map.get(key) ?? [];
  if (!list.includes(message)) map.set(key, [...list, message]);
}

export function fieldIssues(issues: readonly Issue[], draft: SettingsDraft): FieldIssues {
  const result: FieldIssues = {
    primary: [],
    fallbacks: [],
    fallbackItems: new Map(),
    aliasRows: aliasRowIssues(draft.aliasRows),
    general: [],
    count: 0,
  };
  for (const { path, message } of issues) {
    const [head, rest] = splitPath(path);
    if (head === "primary") {
      result.primary.push(message);
    } else if (head === "fallbacks") {
      const index =
        rest !== null && /^\d+$/.test(rest)
          ? Number(rest)
          : draft.fallbacks.findIndex((ref) => rest !== null && equalRefs(ref, rest));
      if (index >= 0 && index < draft.fallbacks.length) push(result.fallbackItems, index, message);
      else result.fallbacks.push(message);
    } else if (head === "aliases" && rest !== null) {
      const row = draft.aliasRows.find((r) => equalRefs(r.ref.trim(), rest));
      if (row) push(result.aliasRows, row.key, message);
      else result.general.push(message);
    } else {
      result.general.push(message);
    }
  }
  const sizes = [...result.fallbackItems.values(), ...result.aliasRows.values()].map((list) => list.length);
  result.count =
    result.primary.length + result.fallbacks.length + result.general.length + sizes.reduce((a, b) => a + b, 0);
  return result;
}
