/**
 * Reads the dashboard's data out of a parsed OpenClaw config: primary, fallbacks, aliases (for the
 * settings page and the gateway) and the user's per-model overrides (for the catalog). One reader
 * for every page, so the catalog and the settings page always show the same alias for one file.
 *
 * In the config a ref's first segment names the provider, so only `huggingface/…` refs are ours;
 * everything else (`anthropic/claude-opus-4-5`, a bare `openai/gpt-oss-120b` meaning provider
 * "openai") is reported as unmanaged and never rewritten. Anything malformed is skipped, never fatal.
 */
import { z } from "zod";
import { PROVIDER_PREFIX, parseRef, suffixText, tryNormaliseRef } from "@/lib/refs";
import { sameJson } from "@/lib/same-json";
import type { FactsMemory } from "./facts-plan";
import type { SettingsInput, UnmanagedSettings } from "./settings-types";

/** The canonical form of a ref the dashboard manages (`huggingface/…` that parses), else null. */
export function ownRef(raw: string): string | null {
  return raw.startsWith(`${PROVIDER_PREFIX}/`) ? tryNormaliseRef(raw) : null;
}

/**
 * True when `written` (a ref as spelled in the file) means the canonical ref `canonical`; both
 * absent also counts. Unlike `equalRefs` (lib/refs.ts), a bare `org/model` in the file is another
 * provider's ref, not ours.
 */
export function meansRef(written: string | undefined, canonical: string | null): boolean {
  if (written === undefined || canonical === null) return written === undefined && canonical === null;
  return written === canonical || ownRef(written) === canonical;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `agents.defaults`, when it is an object. */
export function defaultsOf(data: unknown): Record<string, unknown> | undefined {
  return asRecord(asRecord(asRecord(data)?.agents)?.defaults);
}

/** `agents.defaults.model` as written: a plain string or `{ primary, fallbacks }`. */
export function modelRefsOf(data: unknown): { primary: string | null; fallbacks: string[] } {
  const model = defaultsOf(data)?.model;
  if (typeof model === "string") return { primary: model.trim() || null, fallbacks: [] };
  const record = asRecord(model);
  const primary = typeof record?.primary === "string" && record.primary.trim() ? record.primary.trim() : null;
  const fallbacks = Array.isArray(record?.fallbacks)
    ? record.fallbacks.filter((f): f is string => typeof f === "string" && f.trim() !== "")
    : [];
  return { primary, fallbacks };
}

/**
 * `agents.defaults.models[key].alias`: ours by canonical ref, other providers' by key as written.
 * When two keys spell the same model (`huggingface/Qwen/Qwen3-8B` and `huggingface/huggingface/Qwen/Qwen3-8B`),
 * the canonical spelling wins whatever the key order, as the writer keeps that entry's alias.
 */
export function aliasesOf(data: unknown): { own: Record<string, string>; other: Record<string, string> } {
  const own: Record<string, string> = {};
  const other: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(defaultsOf(data)?.models) ?? {})) {
    const alias = asRecord(entry)?.alias;
    if (typeof alias !== "string" || alias.trim() === "") continue;
    const ref = ownRef(key);
    if (ref === null) other[key] = alias.trim();
    else if (!(ref in own) || key === ref) own[ref] = alias.trim();
  }
  return { own, other };
}

/** The dashboard's settings in the file, and the other providers' entries it keeps as they are. */
export interface ConfigSettings extends SettingsInput {
  unmanaged: UnmanagedSettings;
}

export function settingsFromConfig(data: unknown): ConfigSettings {
  const model = modelRefsOf(data);
  const primary = model.primary === null ? null : ownRef(model.primary);
  const fallbacks: string[] = [];
  const otherFallbacks: string[] = [];
  for (const raw of model.fallbacks) {
    const ref = ownRef(raw);
    if (ref === null) otherFallbacks.push(raw);
    else if (ref !== primary && !fallbacks.includes(ref)) fallbacks.push(ref);
  }
  const aliases = aliasesOf(data);
  return {
    primary,
    fallbacks,
    aliases: aliases.own,
    unmanaged: {
      primary: primary === null ? model.primary : null,
      fallbacks: otherFallbacks,
      aliases: aliases.other,
    },
  };
}

/** The user's own per-model data from the OpenClaw config, keyed by base ref (no suffix). */
export interface ModelOverride {
  name?: string;
  contextWindow?: number;
  maxTokens?: number;
  cost?: { input: number; output: number };
  reasoning?: boolean;
  input?: string[];
}

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

/**
 * `models.providers.huggingface.models[]` by base ref; entries for a suffixed id are skipped. Values
 * the dashboard wrote there itself (`written`, by entry id: its model facts) are not the user's
 * overrides and are left out, so the catalog keeps showing live figures rather than a copy of them.
 */
export function overridesOf(data: unknown, written: FactsMemory = {}): Record<string, ModelOverride> {
  const huggingface = asRecord(asRecord(asRecord(data)?.models)?.providers)?.huggingface;
  const models = asRecord(huggingface)?.models;
  const overrides: Record<string, ModelOverride> = {};
  for (const raw of Array.isArray(models) ? models : []) {
    const entry = providerModelSchema.safeParse(raw);
    if (!entry.success) continue;
    const ref = tryNormaliseRef(entry.data.id);
    if (!ref || suffixText(parseRef(ref).suffix) !== "") continue;
    const { id, ...override } = entry.data;
    const ours = (field: string, value: unknown) =>
      (written[id] ?? []).some((values) => sameJson((values as Record<string, unknown>)[field], value));
    overrides[ref] = Object.fromEntries(
      Object.entries(override).filter(([field, value]) => value !== undefined && !ours(field, value)),
    );
  }
  return overrides;
}

/** What the catalog takes from the config. */
export interface ConfigOverlay {
  /** Every alias of ours in `agents.defaults.models`, by normalised ref (suffix variants included). */
  aliases: Record<string, string>;
  /** `models.providers.huggingface.models[]` by base ref. */
  overrides: Record<string, ModelOverride>;
}

export const EMPTY_OVERLAY: ConfigOverlay = { aliases: {}, overrides: {} };

/** `written`: the model facts the dashboard wrote (lib/settings/facts-plan.ts), which are not overrides. */
export function overlayFromConfig(data: unknown, written: FactsMemory = {}): ConfigOverlay {
  return { aliases: aliasesOf(data).own, overrides: overridesOf(data, written) };
}
