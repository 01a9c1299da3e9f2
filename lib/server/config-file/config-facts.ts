/**
 * Model facts in `models.providers.huggingface.models[]` (README, "Model facts for OpenClaw"): reads
 * the entries a plan is made from, and applies a plan (lib/settings/facts-plan.ts) as lossless edits.
 * Entries are found by their exact `id` each time, so one edit never shifts another. The list and the
 * objects around it are created when missing and never dropped.
 */
import JSON5 from "json5";
import type { FactsPlan, FileEntry, PlannedEntry } from "@/lib/settings/facts-plan";
import {
  findProperty,
  isArray,
  isObject,
  parseDoc,
  stringValue,
  type ArrayNode,
  type DocStyle,
  type JsonDoc,
  type JsonValue,
  type ObjectNode,
} from "./config-cst";
import { appendElement, ConfigShapeError, insertProperty, nodeAt, removeItem, setPath, setValue } from "./config-edit";

export const FACTS_LIST = ["models", "providers", "huggingface", "models"];

function factsList(doc: JsonDoc): ArrayNode | undefined {
  const list = nodeAt(doc, FACTS_LIST);
  if (list !== undefined && !isArray(list))
    throw new ConfigShapeError("models.providers.huggingface.models is not a list");
  return list;
}

function hasCommentWithin(doc: JsonDoc, range: [number, number]): boolean {
  return doc.comments.some((c) => c.range[0] >= range[0] && c.range[1] <= range[1]);
}

/** The elements of the list as values, each with whether a comment sits inside it. */
export function factsEntriesOf(text: string, style?: DocStyle): FileEntry[] {
  if (text.trim() === "") return [];
  const doc = parseDoc(text, style);
  const list = nodeAt(doc, FACTS_LIST);
  if (!isArray(list)) return [];
  return list.elements.flatMap((element, index) => {
    if (!element) return [];
    const value: unknown = JSON5.parse(text.slice(element.range[0], element.range[1]));
    return [{ index, value, hasComments: hasCommentWithin(doc, element.range) }];
  });
}

function entryById(list: ArrayNode, id: string): ObjectNode | undefined {
  return list.elements.find(
    (element): element is ObjectNode =>
      isObject(element ?? undefined) && stringValue(findProperty(element as ObjectNode, "id")?.value) === id,
  );
}

function addEntry(text: string, value: Record<string, unknown>, style?: DocStyle): string {
  const doc = parseDoc(text, style);
  const list = factsList(doc);
  // A new list: one entry per line, one key per line (as OpenClaw's docs write them).
  if (!list) return setPath(text, FACTS_LIST, [value as JsonValue], () => false, { expand: 2 }, style);
  return appendElement(doc, list, value as JsonValue, { expand: 1, explode: true });
}

function updateEntry(text: string, edit: Extract<PlannedEntry, { action: "update" }>, style?: DocStyle): string {
  let next = text;
  for (const [field, value] of Object.entries(edit.changes)) {
    const doc = parseDoc(next, style);
    const entry = entryById(factsList(doc) as ArrayNode, edit.id);
    if (!entry) throw new Error(`model facts: entry ${edit.id} vanished during the edit`);
    const property = findProperty(entry, field);
    if (value === null) next = property ? removeItem(doc, entry, property) : next;
    else if (property) next = setValue(doc, property.value, value as JsonValue);
    else next = insertProperty(doc, entry, field, value as JsonValue);
  }
  return next;
}

function removeEntry(text: string, id: string, style?: DocStyle): string {
  const doc = parseDoc(text, style);
  const list = factsList(doc);
  const entry = list ? entryById(list, id) : undefined;
  return list && entry ? removeItem(doc, list, entry) : text;
}

/** The text with the plan's edits made; entries the plan does not name are copied byte for byte. */
export function applyFactsPlan(text: string, plan: FactsPlan, style?: DocStyle): string {
  let next = text;
  for (const edit of plan.edits) {
    if (edit.action === "add") next = addEntry(next, edit.value, style);
    else if (edit.action === "update") next = updateEntry(next, edit, style);
    else if (edit.action === "remove") next = removeEntry(next, edit.id, style);
  }
  return next;
}
