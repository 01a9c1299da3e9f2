import "server-only";
import { z } from "zod";

/**
 * `GET /v1/models` as the router sends it. Every field but the ids may be missing or odd:
 * a bad field is dropped, a bad provider entry is skipped, a bad model is skipped; never fatal.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const finite = z.number().finite();

export const routerProviderSchema = z.object({
  provider: z.string().min(1),
  status: z.string().catch("error"),
  context_length: optional(finite.positive()),
  pricing: optional(z.object({ input: finite.nonnegative(), output: finite.nonnegative() })),
  is_free: optional(z.boolean()),
  supports_tools: optional(z.boolean()),
  supports_structured_output: optional(z.boolean()),
  first_token_latency_ms: optional(finite.nonnegative()),
  throughput: optional(finite.nonnegative()),
  is_model_author: optional(z.boolean()),
});
export type RouterProvider = z.infer<typeof routerProviderSchema>;

export const routerModelSchema = z.object({
  id: z.string().min(1),
  owned_by: optional(z.string()),
  created: optional(z.number()),
  name: optional(z.string()),
  title: optional(z.string()),
  display_name: optional(z.string()),
  architecture: optional(
    z.object({
      input_modalities: optional(z.array(z.string())),
      output_modalities: optional(z.array(z.string())),
    }),
  ),
  providers: z
    .array(z.unknown())
    .catch([])
    .transform((entries) =>
      entries.flatMap((entry) => {
        const parsed = routerProviderSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});
export type RouterModel = z.infer<typeof routerModelSchema>;

export const routerModelListSchema = z.object({
  data: z.array(z.unknown()).transform((entries) =>
    entries.flatMap((entry) => {
      const parsed = routerModelSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
});
