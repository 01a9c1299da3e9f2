/**
 * `agents.defaults.models` entries and `agents.defaults.modelPolicy.allow` (docs/ARCHITECTURE.md, "The config writer"): every ref
 * a save starts using gets an entry, aliases live in the entries, and a non-empty allowlist
 * learns the new refs. Only `alias` is ever removed from an entry.
 */
import {
  findProperty,
  isArray,
  isObject,
  keyName,
  parseDoc,
  stringValue,
  type DocStyle,
  type JsonValue,
  type ObjectNode,
  type PropertyNode,
} from "./config-cst";
import { appendElement, ConfigShapeError, insertProperty, nodeAt, removeItem, setPath, setValue } from "./config-edit";
import { meansRef, ownRef } from "@/lib/settings/config-models";

const MODELS = ["agents", "defaults", "models"];
const ALLOW = ["agents", "defaults", "modelPolicy", "allow"];

/** Our entries by canonical ref; when two keys spell one model, the canonical spelling (else the first) counts. */
function entriesByRef(models: ObjectNode): Map<string, PropertyNode> {
  const kept = new Map<string, PropertyNode>();
  for (const property of models.properties) {
    const key = keyName(property);
    const ref = ownRef(key);
    const current = kept.get(ref ?? "");
    if (ref !== null && (!current || (key === ref && keyName(current) !== ref))) kept.set(ref, property);
  }
  return kept;
}

/** True when the entry of `ref` already is what `ensureEntry` would write. */
function entryIsRight(entry: PropertyNode | undefined, alias: string | undefined): boolean {
  if (!entry) return false;
  if (alias === undefined) return true;
  const current = isObject(entry.value) ? findProperty(entry.value, "alias") : undefined;
  return current !== undefined && stringValue(current.value) === alias;
}

/** Every ref in use gets an entry in `agents.defaults.models`, like `openclaw models set` does. */
function ensureEntry(text: string, ref: string, alias: string | undefined, style?: DocStyle): string {
  const doc = parseDoc(text, style);
  const models = nodeAt(doc, MODELS);
  const value: JsonValue = alias === undefined ? {} : { alias };
  if (models === undefined) return setPath(text, [...MODELS, ref], value, () => false, {}, style);
  if (!isObject(models)) throw new ConfigShapeError("agents.defaults.models is not an object");
  const entry = entriesByRef(models).get(ref);
  if (!entry) return insertProperty(doc, models, ref, value, { explode: true });
  if (alias === undefined) return text;
  if (!isObject(entry.value)) return setValue(doc, entry.value, value);
  const current = findProperty(entry.value, "alias");
  if (!current) return insertProperty(doc, entry.value, "alias", alias);
  return stringValue(current.value) === alias ? text : setValue(doc, current.value, alias);
}

/** Removes `alias` (only that key) from our entries that should not have one any more. */
export function dropStaleAliases(text: string, aliases: Record<string, string>, style?: DocStyle): string {
  for (;;) {
    const doc = parseDoc(text, style);
    const models = nodeAt(doc, MODELS);
    if (!isObject(models)) return text;
    const kept = entriesByRef(models);
    const stale = models.properties.find((p) => {
      const ref = ownRef(keyName(p));
      if (ref === null || !isObject(p.value) || !findProperty(p.value, "alias")) return false;
      return aliases[ref] === undefined || kept.get(ref) !== p;
    });
    const entry = stale?.value;
    const alias = isObject(entry) ? findProperty(entry, "alias") : undefined;
    if (!isObject(entry) || !alias) return text;
    text = removeItem(doc, entry, alias);
  }
}

/** True when a `modelPolicy.allow` entry already lets `ref` through (exact, `provider/*` prefix, alias). */
function allowed(entries: string[], ref: string, alias: string | undefined): boolean {
  return entries.some(
    (e) =>
      e === "*" ||
      meansRef(e, ref) ||
      (e.endsWith("/*") && ref.startsWith(e.slice(0, -1))) ||
      (alias !== undefined && e.toLowerCase() === alias.toLowerCase()),
  );
}

/** OpenClaw skips fallbacks a non-empty allowlist does not name, so ours are appended to it. */
export function extendAllowlist(
  text: string,
  refs: string[],
  aliases: Record<string, string>,
  style?: DocStyle,
): string {
  let next = text;
  for (const ref of refs) {
    const doc = parseDoc(next, style);
    const allow = nodeAt(doc, ALLOW);
    if (!isArray(allow) || allow.elements.length === 0) return next;
    const entries = allow.elements.map((e) => stringValue(e ?? undefined)).filter((e): e is string => e !== undefined);
    if (!allowed(entries, ref, aliases[ref])) next = appendElement(doc, allow, ref, { explode: true });
  }
  return next;
}

/**
 * Entries for refs the save starts using; a missing `models` map is created whole, one entry per line.
 * The form sends every alias on each save: entries that are already right are found in one pass, so
 * only the ones that change cost a parse.
 */
export function ensureEntries(text: string, refs: string[], aliases: Record<string, string>, style?: DocStyle): string {
  const entryOf = (ref: string): JsonValue => (aliases[ref] === undefined ? {} : { alias: aliases[ref] });
  if (refs.length === 0) return text;
  const models = nodeAt(parseDoc(text, style), MODELS);
  if (models === undefined) {
    const value = Object.fromEntries(refs.map((ref) => [ref, entryOf(ref)]));
    return setPath(text, MODELS, value, () => false, { expand: 1 }, style);
  }
  const entries = isObject(models) ? entriesByRef(models) : new Map<string, PropertyNode>();
  const changing = refs.filter((ref) => !entryIsRight(entries.get(ref), aliases[ref]));
  return changing.reduce((next, ref) => ensureEntry(next, ref, aliases[ref], style), text);
}
