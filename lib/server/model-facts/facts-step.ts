import "server-only";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { catalogModelOf, factsForRef } from "@/lib/catalog/model-facts";
import type { FactsReport } from "@/lib/settings/facts-types";
import { planFacts, type FactsPlan } from "@/lib/settings/facts-plan";
import type { NormalisedSettings } from "@/lib/settings/settings-validation";
import type { DocStyle } from "@/lib/server/config-file/config-cst";
import { factsEntriesOf } from "@/lib/server/config-file/config-facts";
import type { FactsRecord } from "./facts-memory";

/** The merged catalog the facts are taken from (the catalog service's, or a fixed one in tests). */
export type CatalogLoader = () => Promise<CatalogResponse>;

/** The model-facts part of one save. */
export interface FactsStep {
  plan: FactsPlan;
  /** The switch after this save. */
  enabled: boolean;
  report: FactsReport;
}

/** Every `huggingface/` ref the settings use: primary, fallbacks, refs with an alias. */
export function refsInUse(settings: NormalisedSettings): string[] {
  const refs = [
    ...(settings.primary ? [settings.primary] : []),
    ...settings.fallbacks,
    ...Object.entries(settings.aliases)
      .filter(([, alias]) => alias.trim() !== "")
      .map(([ref]) => ref),
  ];
  return [...new Set(refs)];
}

/** True when a save has model facts to keep or to take away, so the catalog must be read. */
export function factsInvolved(record: FactsRecord, wanted: boolean | undefined): boolean {
  return (wanted ?? record.enabled) || Object.keys(record.memory).length > 0;
}

/**
 * Plans the facts of a save on `text` (the config, or its window): null when the switch is and stays
 * off and the dashboard has nothing in the file. Without a live list (source `builtin`) the dashboard's
 * existing figures stay as they are and new entries get only what the built-in list knows.
 */
export function planFactsStep(
  text: string,
  style: DocStyle | undefined,
  settings: NormalisedSettings,
  record: FactsRecord,
  wanted: boolean | undefined,
  catalog: CatalogResponse | null,
): FactsStep | null {
  const enabled = wanted ?? record.enabled;
  if (!factsInvolved(record, wanted)) return null;
  const models = catalog?.models ?? [];
  const desired = enabled ? refsInUse(settings).map((ref) => factsForRef(ref, catalogModelOf(ref, models))) : [];
  const source = catalog?.source ?? "builtin";
  const plan = planFacts({
    entries: factsEntriesOf(text, style),
    desired,
    memory: record.memory,
    refresh: source !== "builtin",
  });
  return { plan, enabled, report: { enabled, catalogSource: source, entries: plan.report } };
}
