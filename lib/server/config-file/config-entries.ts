/**
 * `agents.defaults.models` entries and `agents.defaults.modelPolicy.allow` (docs/ARCHITECTURE.md, "The config writer"): every ref
 * a save starts using gets an entry, aliases live in the entries, and a non-empty allowlist
 * learns the new refs. Only `alias` is ever removed from an entry.
 */
import { findProperty, isArray, isObject, keyName, parseDoc, stringValue, type JsonValue } from "./config-cst";
import { appendElement, ConfigShapeError, insertProperty, nodeAt, removeItem, setPath, setValue } from "./config-edit";
import { meansRef, ownRef } from "@/lib/settings/config-models";

const MODELS = ["agents", "defaults", "models"];
const ALLOW = ["agents", "defaults", "modelPolicy", "allow"];

/** Every ref in use gets an entry in `agents.defaults.models`, like `openclaw models set` does. */
function ensureEntry(text: string, ref: string, alias: string | undefined): string {
  const doc = parseDoc(text);
  const models = nodeAt(doc, MODELS);
  const value: JsonValue = alias === undefined ? {} : { alias };
  if (models === undefined) return setPath(text, [...MODELS, ref], value, () => false);
  if (!isObject(models)) throw new ConfigShapeError("agents.defaults.models is not an object");
  const entries = models.properties.filter((p) => ownRef(keyName(p)) === ref);
  const entry = entries.find((p) => keyName(p) === ref) ?? entries[0];
  if (!entry) return insertProperty(doc, models, ref, value, { explode: true });
  if (alias === undefined) return text;
  if (!isObject(entry.value)) return setValue(doc, entry.value, value);
  const current = findProperty(entry.value, "alias");
  if (!current) return insertProperty(doc, entry.value, "alias", alias);
  return stringValue(current.value) === alias ? text : setValue(doc, current.value, alias);
}

/** Removes `alias` (only that key) from our entries that should not have one any more. */
export function dropStaleAliases(text: string, aliases: Record<string, string>): string {
  for (;;) {
    const doc = parseDoc(text);
    const models = nodeAt(doc, MODELS);
    if (!isObject(models)) return text;
    const stale = models.properties.find((p) => {
      const ref = ownRef(keyName(p));
      if (ref === null || !isObject(p.value) || !findProperty(p.value, "alias")) return false;
      const twins = models.properties.filter((q) => ownRef(keyName(q)) === ref);
      const kept = twins.find((q) => keyName(q) === ref) ?? twins[0];
      return aliases[ref] === undefined || kept !== p;
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
export function extendAllowlist(text: string, refs: string[], aliases: Record<string, string>): string {
  let next = text;
  for (const ref of refs) {
    const doc = parseDoc(next);
    const allow = nodeAt(doc, ALLOW);
    if (!isArray(allow) || allow.elements.length === 0) return next;
    const entries = allow.elements.map((e) => stringValue(e ?? undefined)).filter((e): e is string => e !== undefined);
    if (!allowed(entries, ref, aliases[ref])) next = appendElement(doc, allow, ref, { explode: true });
  }
  return next;
}

/** Entries for refs the save starts using; a missing `models` map is created whole, one entry per line. */
export function ensureEntries(text: string, refs: string[], aliases: Record<string, string>): string {
  const entryOf = (ref: string): JsonValue => (aliases[ref] === undefined ? {} : { alias: aliases[ref] });
  if (refs.length > 0 && nodeAt(parseDoc(text), MODELS) === undefined) {
    return setPath(text, MODELS, Object.fromEntries(refs.map((ref) => [ref, entryOf(ref)])), () => false, {
      expand: 1,
    });
  }
  return refs.reduce((next, ref) => ensureEntry(next, ref, aliases[ref]), text);
}
