/**
 * A last check before the config is written: the edit changed only the dashboard's keys, kept
 * every comment outside `agents.defaults.model`, and reads back as intended. A failure means a
 * bug in the editor; the file is then left alone rather than damaged.
 */
import { isDeepStrictEqual } from "node:util";
import JSON5 from "json5";
import type { FactsPlan } from "@/lib/settings/facts-plan";
import { nodeAt } from "./config-edit";
import { parseDoc } from "./config-cst";
import type { WrittenSettings } from "./config-apply";
import { FACTS_LIST } from "./config-facts";
import { asRecord, defaultsOf, meansRef, modelRefsOf, ownRef, settingsFromConfig } from "@/lib/settings/config-models";
import { huggingfaceBaseUrl } from "@/lib/settings/openclaw-route";

function factsListOf(data: unknown): unknown {
  return FACTS_LIST.reduce<unknown>((node, key) => asRecord(node)?.[key], data);
}

function idOf(entry: unknown): unknown {
  return asRecord(entry)?.id;
}

/**
 * Takes the entries the save manages out of `models.providers.huggingface.models[]`, then the list
 * and the objects around it when that leaves them empty (the save may have created them).
 */
function withoutManagedFacts(data: unknown, managed: readonly string[]): void {
  const parents = FACTS_LIST.slice(0, -1).reduce<Record<string, unknown>[]>(
    (chain, key) => {
      const node = asRecord((chain.at(-1) ?? {})[key]);
      return node ? [...chain, node] : chain;
    },
    [asRecord(data) ?? {}],
  );
  if (parents.length !== FACTS_LIST.length) return;
  const holder = parents.at(-1) as Record<string, unknown>;
  const list = holder.models;
  if (!Array.isArray(list)) return;
  holder.models = list.filter((entry) => !managed.includes(idOf(entry) as string));
  const empty = (value: unknown) =>
    (Array.isArray(value) && value.length === 0) ||
    (asRecord(value) !== undefined && Object.keys(value as object).length === 0);
  for (let depth = FACTS_LIST.length - 1; depth >= 0; depth--) {
    const parent = parents[depth] as Record<string, unknown>;
    const key = FACTS_LIST[depth] as string;
    if (!empty(parent[key])) break;
    delete parent[key];
  }
}

/** Throws when the facts in `after` are not exactly the plan's, or the list the user had went away. */
function verifyFacts(beforeData: unknown, afterData: unknown, plan: FactsPlan): void {
  const list = factsListOf(afterData);
  if (Array.isArray(factsListOf(beforeData)) && !Array.isArray(list)) {
    throw new Error("config edit dropped models.providers.huggingface.models");
  }
  const entries = Array.isArray(list) ? list : [];
  for (const edit of plan.edits) {
    const found = entries.filter((entry) => idOf(entry) === edit.id);
    const right =
      edit.action === "remove" ? found.length === 0 : found.length === 1 && isDeepStrictEqual(found[0], edit.value);
    if (!right) throw new Error(`config edit did not write the planned model facts of ${edit.id}`);
  }
}

/** Removes OpenClaw's Hugging Face base URL, and the objects that held only it. */
function dropBaseUrl(config: unknown): void {
  const models = asRecord(asRecord(config)?.models);
  const providers = asRecord(models?.providers);
  const huggingface = asRecord(providers?.huggingface);
  if (!models || !providers || !huggingface) return;
  delete huggingface.baseUrl;
  if (Object.keys(huggingface).length === 0) delete providers.huggingface;
  if (Object.keys(providers).length === 0) delete models.providers;
  if (Object.keys(models).length === 0) delete (config as Record<string, unknown>).models;
}

/**
 * The config minus what the dashboard may change; `allowBefore` lets appended own refs through,
 * `managedFacts` the model-fact entries of this save, `baseUrlToo` the OpenClaw route's base URL.
 */
function withoutDashboardKeys(
  data: unknown,
  allowBefore: unknown,
  managedFacts: readonly string[],
  baseUrlToo: boolean,
): unknown {
  const copy = structuredClone(data);
  if (managedFacts.length > 0) withoutManagedFacts(copy, managedFacts);
  if (baseUrlToo) dropBaseUrl(copy);
  const defaults = defaultsOf(copy);
  if (!defaults) return copy;
  delete defaults.model;
  const models = asRecord(defaults.models);
  if (models) {
    for (const [key, entry] of Object.entries(models)) {
      const record = asRecord(entry);
      if (record) delete record.alias;
      if (ownRef(key) !== null && record && Object.keys(record).length === 0) delete models[key];
    }
    if (Object.keys(models).length === 0) delete defaults.models;
  }
  const policy = asRecord(defaults.modelPolicy);
  if (policy && Array.isArray(policy.allow) && Array.isArray(allowBefore)) {
    const added = policy.allow.slice(allowBefore.length);
    if (added.every((ref) => typeof ref === "string" && ownRef(ref) === ref)) policy.allow = allowBefore;
  }
  const agents = asRecord(asRecord(copy)?.agents);
  if (agents && Object.keys(defaults).length === 0) delete agents.defaults;
  if (agents && Object.keys(agents).length === 0) delete (copy as Record<string, unknown>).agents;
  return copy;
}

function commentsOutsideModel(text: string): string[] {
  const doc = parseDoc(text);
  const model = nodeAt(doc, ["agents", "defaults", "model"]);
  const inside = (range: [number, number]) =>
    model !== undefined && range[0] >= model.range[0] && range[1] <= model.range[1];
  return doc.comments.filter((c) => !inside(c.range)).map((c) => c.value);
}

function isSubsequence(needles: string[], haystack: string[]): boolean {
  let at = 0;
  for (const item of haystack) if (at < needles.length && item === needles[at]) at++;
  return at === needles.length;
}

/** Throws when `after` is not `before` with exactly the planned settings (and model facts) applied. */
export function verifyEdit(before: string, after: string, planned: WrittenSettings, facts?: FactsPlan | null): void {
  const beforeData: unknown = before.trim() === "" ? {} : JSON5.parse(before);
  const afterData: unknown = JSON5.parse(after);
  const allowBefore = asRecord(defaultsOf(beforeData)?.modelPolicy)?.allow;
  const managed = facts?.managed ?? [];
  const baseUrlToo = planned.baseUrl !== undefined;
  if (
    !isDeepStrictEqual(
      withoutDashboardKeys(beforeData, allowBefore, managed, baseUrlToo),
      withoutDashboardKeys(afterData, allowBefore, managed, baseUrlToo),
    )
  ) {
    throw new Error("config edit changed keys outside the dashboard's settings");
  }
  if (facts) verifyFacts(beforeData, afterData, facts);
  if (baseUrlToo && huggingfaceBaseUrl(afterData) !== planned.baseUrl) {
    throw new Error("config edit did not write the planned base URL for OpenClaw");
  }
  const model = modelRefsOf(afterData);
  const fallbacksMatch =
    model.fallbacks.length === planned.fallbacks.length &&
    model.fallbacks.every((f, i) => meansRef(f, planned.fallbacks[i] ?? null));
  if (!meansRef(model.primary ?? undefined, planned.primary) || !fallbacksMatch) {
    throw new Error("config edit did not write the planned model and fallbacks");
  }
  if (!isDeepStrictEqual(settingsFromConfig(afterData).aliases, planned.aliases)) {
    throw new Error("config edit did not write the planned aliases");
  }
  if (before.trim() !== "" && !isSubsequence(commentsOutsideModel(before), commentsOutsideModel(after))) {
    throw new Error("config edit lost a comment");
  }
}
