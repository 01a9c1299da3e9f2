/**
 * Writes the dashboard's settings into the config text (the rules: docs/ARCHITECTURE.md, "The config writer"), one lossless edit at a time.
 * Pure: text in, text out; config-store.ts reads and writes the file.
 */
import JSON5 from "json5";
import type { SettingsInput } from "@/lib/settings/settings-types";
import type { NormalisedSettings } from "@/lib/settings/settings-validation";
import {
  findProperty,
  isArray,
  isMultiline,
  isObject,
  keyName,
  parseDoc,
  stringValue,
  type ArrayNode,
  type DocStyle,
  type JsonDoc,
  type JsonValue,
  type ObjectNode,
  type ValueNode,
} from "./config-cst";
import { appendElement, nodeAt, removeItem, setPath, setValue } from "./config-edit";
import { ensureEntries, dropStaleAliases, extendAllowlist } from "./config-entries";
import { meansRef, modelRefsOf, ownRef, settingsFromConfig } from "@/lib/settings/config-models";
import { HF_BASE_URL_PATH } from "@/lib/settings/openclaw-route";

const DEFAULTS = ["agents", "defaults"];
const MODEL = [...DEFAULTS, "model"];
const FALLBACKS = [...MODEL, "fallbacks"];

/** What ends up in the file: our settings merged with the entries of other providers that stay. */
export type WrittenSettings = Omit<SettingsInput, "routeOpenClaw"> & {
  /** OpenClaw's Hugging Face base URL to write; undefined leaves it as it is. */
  baseUrl?: string;
};

/** The validated settings, plus the base URL the route switch asks for (config-store.ts works it out). */
export type DesiredSettings = NormalisedSettings & { baseUrl?: string };

/**
 * The fallbacks list to write: other providers' entries keep their slots, ours fill the
 * remaining slots in the order given, extra ones go at the end.
 */
export function mergeFallbacks(written: string[], ours: string[]): string[] {
  const merged: string[] = [];
  let next = 0;
  for (const raw of written) {
    if (ownRef(raw) === null) merged.push(raw);
    else if (next < ours.length) merged.push(ours[next++] as string);
  }
  return [...merged, ...ours.slice(next)];
}

export function plannedSettings(text: string, desired: DesiredSettings): WrittenSettings {
  const data: unknown = text.trim() === "" ? {} : JSON5.parse(text);
  const written = modelRefsOf(data);
  const current = settingsFromConfig(data);
  return {
    // A primary of another provider stays unless the user picked one of ours.
    primary: desired.primary ?? current.unmanaged.primary,
    fallbacks: mergeFallbacks(written.fallbacks, desired.fallbacks),
    aliases: desired.aliases,
    ...(desired.baseUrl === undefined ? {} : { baseUrl: desired.baseUrl }),
  };
}

function meansRefs(node: ValueNode, refs: string[]): boolean {
  return (
    isArray(node) &&
    node.elements.length === refs.length &&
    node.elements.every((e, i) => meansRef(stringValue(e ?? undefined), refs[i] ?? null))
  );
}

function modelValue(primary: string | null, fallbacks: string[]): JsonValue {
  const value: Record<string, JsonValue> = {};
  if (primary !== null) value.primary = primary;
  if (fallbacks.length > 0) value.fallbacks = fallbacks;
  return value;
}

function hasComments(doc: JsonDoc, node: ValueNode): boolean {
  return doc.comments.some((c) => c.range[0] > node.range[0] && c.range[1] < node.range[1]);
}

function onlyKeys(object: ObjectNode, keys: string[]): boolean {
  return object.properties.every((p) => keys.includes(keyName(p)));
}

function removeMember(text: string, path: string[], key: string, style?: DocStyle): string {
  const doc = parseDoc(text, style);
  const parent = nodeAt(doc, path);
  const property = isObject(parent) ? findProperty(parent, key) : undefined;
  return isObject(parent) && property ? removeItem(doc, parent, property) : text;
}

function removeModel(text: string, style?: DocStyle): string {
  const doc = parseDoc(text, style);
  const node = nodeAt(doc, MODEL);
  if (isObject(node) && !onlyKeys(node, ["primary", "fallbacks"])) {
    return removeMember(removeMember(text, MODEL, "primary", style), MODEL, "fallbacks", style);
  }
  return removeMember(text, DEFAULTS, "model", style);
}

function fallbackItems(
  text: string,
  style?: DocStyle,
): { doc: JsonDoc; list: ArrayNode; items: ValueNode[] } | undefined {
  const doc = parseDoc(text, style);
  const list = nodeAt(doc, FALLBACKS);
  return isArray(list) ? { doc, list, items: list.elements.filter((e): e is ValueNode => e !== null) } : undefined;
}

/** The fallbacks list; one with comments inside is edited element by element so its comments stay. */
function writeFallbacks(text: string, fallbacks: string[], style?: DocStyle): string {
  const current = fallbackItems(text, style);
  if (!current || !hasComments(current.doc, current.list)) {
    return setPath(text, FALLBACKS, fallbacks, () => false, {}, style);
  }
  let next = text;
  for (let index = 0; ; index++) {
    const at = fallbackItems(next, style);
    const item = at?.items[index];
    const ref = fallbacks[index];
    if (!at || (item === undefined && ref === undefined)) return next;
    const last = at.items.at(-1);
    if (ref === undefined && last) {
      // Past the wanted length: drop the rest from the end; the loop then meets the same index again.
      next = removeItem(at.doc, at.list, last);
      index--;
    } else if (ref === undefined) return next;
    else if (!item) next = appendElement(at.doc, at.list, ref);
    else if (!meansRef(stringValue(item), ref)) next = setValue(at.doc, item, ref);
  }
}

/** `agents.defaults.model`: a plain string stays a string until fallbacks are set. */
function writeModel(text: string, primary: string | null, fallbacks: string[], style?: DocStyle): string {
  if (primary === null && fallbacks.length === 0) return removeModel(text, style);
  const doc = parseDoc(text, style);
  const node = nodeAt(doc, MODEL);
  if (!node) return setPath(text, MODEL, modelValue(primary, fallbacks), () => false, {}, style);
  if (stringValue(node) !== undefined && fallbacks.length === 0) {
    return setPath(text, MODEL, primary, (n) => meansRef(stringValue(n), primary), {}, style);
  }
  if (!isObject(node)) return setValue(doc, node, modelValue(primary, fallbacks));

  const primaryNode = findProperty(node, "primary")?.value;
  const fallbacksNode = findProperty(node, "fallbacks")?.value;
  const samePrimary = meansRef(primaryNode ? stringValue(primaryNode) : undefined, primary);
  const sameFallbacks = fallbacksNode ? meansRefs(fallbacksNode, fallbacks) : fallbacks.length === 0;
  if (samePrimary && sameFallbacks) return text;
  // A one-line `{ primary: "…" }` is rewritten whole, so growing fallbacks get a tidy layout.
  if (!isMultiline(doc, node) && onlyKeys(node, ["primary", "fallbacks"]) && !hasComments(doc, node)) {
    return setValue(doc, node, modelValue(primary, fallbacks));
  }
  let next = text;
  if (!samePrimary) {
    next =
      primary === null
        ? removeMember(next, MODEL, "primary", style)
        : setPath(next, [...MODEL, "primary"], primary, () => false, {}, style);
  }
  if (!sameFallbacks) next = writeFallbacks(next, fallbacks, style);
  return next;
}

/**
 * The config text with `desired` applied; text outside the dashboard's keys is copied byte for byte.
 * Entries and allowlist items are added for the refs this save starts to use, so saving settings
 * that did not change leaves the file exactly as it was. `style` overrides the detected one (for a
 * window on a bigger file, see config-window.ts).
 */
export function applySettings(original: string, desired: DesiredSettings, style?: DocStyle): string {
  const blank = original.trim() === "";
  const before = settingsFromConfig(blank ? {} : JSON5.parse(original));
  const planned = plannedSettings(original, desired);
  let text = blank ? "{}\n" : original;
  text = writeModel(text, planned.primary, planned.fallbacks, style);
  const inUse = new Set([before.primary, ...before.fallbacks]);
  const used = [planned.primary, ...planned.fallbacks].flatMap((r) => (r !== null && ownRef(r) === r ? [r] : []));
  const added = used.filter((ref) => !inUse.has(ref));
  text = ensureEntries(text, [...new Set([...added, ...Object.keys(desired.aliases)])], desired.aliases, style);
  text = dropStaleAliases(text, desired.aliases, style);
  text = extendAllowlist(text, added, desired.aliases, style);
  const baseUrl = desired.baseUrl;
  if (baseUrl !== undefined)
    text = setPath(text, HF_BASE_URL_PATH, baseUrl, (n) => stringValue(n) === baseUrl, {}, style);
  return blank && text === "{}\n" ? original : text;
}
