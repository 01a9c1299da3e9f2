import { z } from "zod";
import { tokenStateSchema } from "@/lib/settings/settings-types";
import { ledgerHealthSchema } from "@/lib/usage/usage-types";

/** Price in USD per 1M tokens. */
export const pricingSchema = z.object({ input: z.number(), output: z.number() });
export type Pricing = z.infer<typeof pricingSchema>;

export const catalogProviderSchema = z.object({
  provider: z.string(),
  status: z.enum(["live", "error"]),
  contextLength: z.number().optional(),
  pricing: pricingSchema.optional(),
  isFree: z.boolean().optional(),
  supportsTools: z.boolean().optional(),
  supportsStructuredOutput: z.boolean().optional(),
  firstTokenLatencyMs: z.number().optional(),
  throughput: z.number().optional(),
  isModelAuthor: z.boolean().optional(),
});
export type CatalogProvider = z.infer<typeof catalogProviderSchema>;

export const catalogSourceSchema = z.enum(["live", "cache", "builtin"]);
export type CatalogSource = z.infer<typeof catalogSourceSchema>;

export const catalogModelSchema = z.object({
  /** `huggingface/org/model`, no suffix. */
  ref: z.string(),
  /** Hub id `org/model`. */
  id: z.string(),
  /** What the UI shows first: the alias when set, else the model's name. */
  displayName: z.string(),
  /** The model's own name (config name > API name > built-in name > derived from the id). */
  name: z.string(),
  alias: z.string().optional(),
  ownedBy: z.string(),
  /** Served by the router right now (false for built-ins missing from the live list). */
  available: z.boolean(),
  /** Listed in the built-in catalog. */
  builtin: z.boolean(),
  /** Smallest context among live providers (or the config / built-in value). */
  contextWindow: z.number().optional(),
  maxTokens: z.number().optional(),
  reasoning: z.boolean(),
  input: z.array(z.string()),
  /** The user's own price from the config (`models.providers.huggingface.models[].cost`). */
  configCost: pricingSchema.optional(),
  providers: z.array(catalogProviderSchema),
});
export type CatalogModel = z.infer<typeof catalogModelSchema>;

export const catalogResponseSchema = z.object({
  source: catalogSourceSchema,
  fetchedAt: z.string().nullable(),
  error: z.string().optional(),
  /** The live list is being fetched right now; a newer answer follows when it ends. */
  checking: z.literal(true).optional(),
  models: z.array(catalogModelSchema),
});
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

export const statusResponseSchema = z.object({
  token: tokenStateSchema,
  catalog: z.object({
    source: catalogSourceSchema,
    fetchedAt: z.string().nullable(),
    error: z.string().nullable(),
    modelCount: z.number(),
  }),
  configPath: z.string(),
  envFilePath: z.string(),
  routerUrl: z.string(),
  /** The usage ledger: where it is and whether it can record right now. */
  ledger: ledgerHealthSchema,
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;
