import { z } from "zod";
import { PROVIDER_PREFIX, parseRef, suffixText, tryNormaliseRef } from "@/lib/refs";

/** The user's own per-model data from the OpenClaw config, keyed by base ref (no suffix). */
export interface ModelOverride {
  name?: string;
  contextWindow?: number;
  maxTokens?: number;
  cost?: { input: number; output: number };
  reasoning?: boolean;
  input?: string[];
}

export interface ConfigOverlay {
  /** Every alias in `agents.defaults.models`, by normalised ref (suffix variants included). */
  aliases: Record<string, string>;
  /** `models.providers.huggingface.models[]` by base ref. */
  overrides: Record<string, ModelOverride>;
}

export const EMPTY_OVERLAY: ConfigOverlay = { aliases: {}, overrides: {} };

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const providerModelSchema = z.object({
  id: z.string(),
  name: optional(z.string()),
  contextWindow: optional(z.number().positive()),
  maxTokens: optional(z.number().positive()),
  cost: optional(z.object({ input: z.number(), output: z.number() })),
  reasoning: optional(z.boolean()),
  input: optional(z.array(z.string())),
});

const configShape = z.object({
  agents: optional(
    z.object({
      defaults: optional(
        z.object({ models: optional(z.record(z.string(), z.object({ alias: optional(z.string()) }).catch({}))) }),
      ),
    }),
  ),
  models: optional(
    z.object({
      providers: optional(z.object({ huggingface: optional(z.object({ models: optional(z.array(z.unknown())) })) })),
    }),
  ),
});

/** Only `huggingface/…` refs in the config are ours; other providers' entries are left alone. */
function hfRef(key: string): string | null {
  return key.startsWith(`${PROVIDER_PREFIX}/`) ? tryNormaliseRef(key) : null;
}

/** Reads aliases and model overrides out of a parsed config; anything malformed is ignored, never fatal. */
export function extractOverlay(config: unknown): ConfigOverlay {
  const parsed = configShape.safeParse(config);
  if (!parsed.success) return EMPTY_OVERLAY;
  const aliases: Record<string, string> = {};
  for (const [key, entry] of Object.entries(parsed.data.agents?.defaults?.models ?? {})) {
    const ref = hfRef(key);
    const alias = entry.alias?.trim();
    if (ref && alias) aliases[ref] = alias;
  }
  const overrides: Record<string, ModelOverride> = {};
  for (const raw of parsed.data.models?.providers?.huggingface?.models ?? []) {
    const entry = providerModelSchema.safeParse(raw);
    if (!entry.success) continue;
    const ref = tryNormaliseRef(entry.data.id);
    if (!ref || suffixText(parseRef(ref).suffix) !== "") continue;
    const { id: _id, ...override } = entry.data;
    overrides[ref] = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
  }
  return { aliases, overrides };
}
