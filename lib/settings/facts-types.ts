/** What the settings page is told about the model facts a save keeps (README, "Model facts for OpenClaw"). */
import { z } from "zod";
import { FACT_FIELDS, factsBasisSchema } from "@/lib/catalog/model-facts";

export const factsFieldReportSchema = z.object({
  field: z.enum(FACT_FIELDS),
  value: z.unknown(),
  /** `dashboard`: a value it wrote and keeps up to date; `hand-set`: the user's, never overwritten. */
  source: z.enum(["dashboard", "hand-set"]),
});
export type FactsFieldReport = z.infer<typeof factsFieldReportSchema>;

/**
 * One entry of `models.providers.huggingface.models[]` the save concerns: `added`, `updated`,
 * `unchanged` and `removed` are the dashboard's; `released` was the dashboard's but holds values set
 * by hand, so it stays as it is and is no longer maintained; `yours` is an entry the user wrote for
 * a ref in use (never touched); `duplicate` means several entries name the ref (all left alone).
 */
export const factsEntryReportSchema = z.object({
  ref: z.string(),
  id: z.string(),
  status: z.enum(["added", "updated", "unchanged", "removed", "released", "yours", "duplicate"]),
  basis: factsBasisSchema.nullable(),
  note: z.string().nullable(),
  fields: z.array(factsFieldReportSchema),
});
export type FactsEntryReport = z.infer<typeof factsEntryReportSchema>;

export const factsReportSchema = z.object({
  /** The switch as this save would leave it. */
  enabled: z.boolean(),
  /** Where the figures came from: `builtin` means no live list, so no prices and existing figures kept. */
  catalogSource: z.enum(["live", "cache", "builtin"]),
  entries: z.array(factsEntryReportSchema),
});
export type FactsReport = z.infer<typeof factsReportSchema>;
