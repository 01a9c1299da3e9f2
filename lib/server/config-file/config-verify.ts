/**
 * A last check before the config is written: the edit changed only the dashboard's keys, kept
 * every comment outside `agents.defaults.model`, and reads back as intended. A failure means a
 * bug in the editor; the file is then left alone rather than damaged.
 */
import { isDeepStrictEqual } from "node:util";
import JSON5 from "json5";
import { nodeAt } from "./config-edit";
import { parseDoc } from "./config-cst";
import type { WrittenSettings } from "./config-apply";
import { asRecord, defaultsOf, meansRef, modelRefsOf, ownRef, settingsFromConfig } from "@/lib/settings/config-models";

/** The config minus what the dashboard may change; `allowBefore` lets appended own refs through. */
function withoutDashboardKeys(data: unknown, allowBefore: unknown): unknown {
  const copy = structuredClone(data);
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

/** Throws when `after` is not `before` with exactly the planned settings applied. */
export function verifyEdit(before: string, after: string, planned: WrittenSettings): void {
  const beforeData: unknown = before.trim() === "" ? {} : JSON5.parse(before);
  const afterData: unknown = JSON5.parse(after);
  const allowBefore = asRecord(defaultsOf(beforeData)?.modelPolicy)?.allow;
  if (!isDeepStrictEqual(withoutDashboardKeys(beforeData, allowBefore), withoutDashboardKeys(afterData, allowBefore))) {
    throw new Error("config edit changed keys outside the dashboard's settings");
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
