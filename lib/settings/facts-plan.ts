/**
 * Which entries of `models.providers.huggingface.models[]` a save adds, updates or removes
 * (README, "Model facts for OpenClaw"). Pure: the config writer turns the plan into text edits.
 *
 * What the dashboard wrote is remembered outside the file (its data folder), per entry id, as the
 * last few values it wrote. An entry is the dashboard's when it created it; a value in such an entry
 * is the dashboard's while it equals one it wrote, and the user's (hand-set) once it differs. Hand-set
 * values are never overwritten, entries the dashboard did not create are never touched, and an entry
 * it no longer needs goes only when nothing in it is the user's (else it stays and becomes theirs).
 */
import {
  FACT_FIELDS,
  type FactField,
  type FactValues,
  type FactsBasis,
  type RefFacts,
} from "@/lib/catalog/model-facts";
import { tryNormaliseRef } from "@/lib/refs";
import { sameJson } from "@/lib/same-json";
import type { FactsEntryReport, FactsFieldReport } from "./facts-types";

/** Values the dashboard wrote, per entry id, oldest first (hand-set fields are never in them). */
export type FactsMemory = Record<string, Partial<FactValues>[]>;

/** How many past writes of an entry are remembered (a restored older file still reads as the dashboard's). */
export const MEMORY_DEPTH = 8;

/** One element of the file's `models[]`, with what the config writer saw in its text. */
export interface FileEntry {
  index: number;
  value: unknown;
  /** A comment inside the entry: someone edited it by hand, so the dashboard leaves it alone. */
  hasComments: boolean;
}

export interface FactsPlanInput {
  entries: readonly FileEntry[];
  /** Facts for every ref in use; empty when the switch is off. */
  desired: readonly RefFacts[];
  memory: FactsMemory;
  /** False without live data: the dashboard's existing values stay (they came from a live list); only gaps are filled. */
  refresh: boolean;
}

/** A field to set (a value) or to delete (null) in an entry. */
export type FieldChanges = Partial<Record<FactField, FactValues[FactField] | null>>;

export type PlannedEntry =
  | { action: "add"; id: string; value: Record<string, unknown> }
  | { action: "update"; id: string; index: number; changes: FieldChanges; value: Record<string, unknown> }
  | { action: "unchanged"; id: string; index: number; value: Record<string, unknown> }
  | { action: "remove"; id: string; index: number };

export interface FactsPlan {
  /** Edits, in the order the report lists them; entries left alone are not here. */
  edits: PlannedEntry[];
  report: FactsEntryReport[];
  /** The memory after the write. */
  memory: FactsMemory;
  /** Ids the dashboard manages in this save (present before or after): the verifier checks exactly these. */
  managed: string[];
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function idOf(entry: FileEntry): string | undefined {
  const id = asObject(entry.value)?.id;
  return typeof id === "string" ? id : undefined;
}

function refOfId(id: string): string | null {
  return tryNormaliseRef(id);
}

function wroteIt(memory: FactsMemory, id: string, field: FactField, value: unknown): boolean {
  return (memory[id] ?? []).some((written) => sameJson(written[field], value));
}

function remember(memory: FactsMemory, id: string, values: Partial<FactValues>): void {
  const past = (memory[id] ?? []).filter((written) => !sameJson(written, values));
  memory[id] = [...past, values].slice(-MEMORY_DEPTH);
}

/** The entry's fact fields with who set each: the dashboard (a value it wrote) or the user. */
function fieldsOf(value: Record<string, unknown>, id: string, memory: FactsMemory, ours: boolean): FactsFieldReport[] {
  return FACT_FIELDS.flatMap((field) => {
    const current = value[field];
    if (current === undefined) return [];
    const source = ours && wroteIt(memory, id, field, current) ? "dashboard" : "hand-set";
    return [{ field, value: current, source } satisfies FactsFieldReport];
  });
}

/** Keys the dashboard never writes (maxTokens, params, …): the user put them there. */
function foreignKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => key !== "id" && !(FACT_FIELDS as readonly string[]).includes(key));
}

function newEntry(facts: RefFacts): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: facts.id };
  for (const field of FACT_FIELDS) if (facts.values[field] !== undefined) entry[field] = facts.values[field];
  return entry;
}

interface Context {
  input: FactsPlanInput;
  memory: FactsMemory;
  plan: FactsPlan;
}

function report(
  context: Context,
  facts: Pick<RefFacts, "ref" | "id"> & { basis?: FactsBasis; note?: string },
  status: FactsEntryReport["status"],
  fields: FactsFieldReport[],
): void {
  context.plan.report.push({
    ref: facts.ref,
    id: facts.id,
    status,
    basis: facts.basis ?? null,
    note: facts.note ?? null,
    fields,
  });
}

/** A ref in use: add its entry, refresh the dashboard's values in it, or leave the user's entry alone. */
function planWanted(context: Context, facts: RefFacts): void {
  const { input, memory } = context;
  const matching = input.entries.filter((entry) => {
    const id = idOf(entry);
    return id !== undefined && refOfId(id) === facts.ref;
  });
  if (matching.length > 1) {
    report(context, facts, "duplicate", []);
    return;
  }
  const entry = matching[0];
  if (!entry) {
    const value = newEntry(facts);
    context.plan.edits.push({ action: "add", id: facts.id, value });
    remember(memory, facts.id, facts.values);
    context.plan.managed.push(facts.id);
    report(context, facts, "added", fieldsOf(value, facts.id, memory, true));
    return;
  }
  const value = asObject(entry.value);
  const ours = value !== undefined && idOf(entry) === facts.id && facts.id in memory && !entry.hasComments;
  if (!ours || !value) {
    delete memory[facts.id];
    report(context, facts, "yours", value ? fieldsOf(value, facts.id, memory, false) : []);
    return;
  }
  const changes: FieldChanges = {};
  const after: Record<string, unknown> = { ...value };
  const written: Record<string, unknown> = {};
  for (const field of FACT_FIELDS) {
    const current = value[field];
    if (current !== undefined && !wroteIt(memory, facts.id, field, current)) continue;
    const wanted = input.refresh || current === undefined ? facts.values[field] : current;
    if (wanted !== undefined) written[field] = wanted;
    if (sameJson(wanted, current)) continue;
    (changes as Record<string, unknown>)[field] = wanted ?? null;
    if (wanted === undefined) delete after[field];
    else after[field] = wanted;
  }
  const changed = Object.keys(changes).length > 0;
  if (changed) remember(memory, facts.id, written as Partial<FactValues>);
  context.plan.edits.push(
    changed
      ? { action: "update", id: facts.id, index: entry.index, changes, value: after }
      : { action: "unchanged", id: facts.id, index: entry.index, value: after },
  );
  context.plan.managed.push(facts.id);
  report(context, facts, changed ? "updated" : "unchanged", fieldsOf(after, facts.id, memory, true));
}

/** An entry the dashboard wrote and no longer needs: removed, unless something in it is the user's. */
function planUnwanted(context: Context, id: string): void {
  const { input, memory } = context;
  const matching = input.entries.filter((entry) => idOf(entry) === id);
  const ref = refOfId(id) ?? id;
  const entry = matching[0];
  const value = entry ? asObject(entry.value) : undefined;
  if (!entry || !value || matching.length > 1) {
    delete memory[id];
    if (entry) report(context, { ref, id }, "released", []);
    return;
  }
  const fields = fieldsOf(value, id, memory, true);
  const handSet = fields.some((field) => field.source === "hand-set") || foreignKeys(value).length > 0;
  delete memory[id];
  if (handSet || entry.hasComments) {
    report(context, { ref, id }, "released", fieldsOf(value, id, memory, false));
    return;
  }
  context.plan.edits.push({ action: "remove", id, index: entry.index });
  context.plan.managed.push(id);
  report(context, { ref, id }, "removed", fields);
}

/** The plan for one save; `input.memory` is not changed (the plan carries the new memory). */
export function planFacts(input: FactsPlanInput): FactsPlan {
  const memory: FactsMemory = structuredClone(input.memory);
  const plan: FactsPlan = { edits: [], report: [], memory, managed: [] };
  const context: Context = { input, memory, plan };
  const wanted = new Map<string, RefFacts>();
  for (const facts of input.desired) if (!wanted.has(facts.id)) wanted.set(facts.id, facts);
  for (const facts of wanted.values()) planWanted(context, facts);
  for (const id of Object.keys(input.memory)) if (!wanted.has(id)) planUnwanted(context, id);
  return plan;
}

/** Memory that knows both the old and the new writes: saved before the file, so a crash between the two loses nothing. */
export function mergedMemory(before: FactsMemory, after: FactsMemory): FactsMemory {
  const merged: FactsMemory = structuredClone(before);
  for (const [id, values] of Object.entries(after)) for (const value of values) remember(merged, id, value);
  return merged;
}
