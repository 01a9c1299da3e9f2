/**
 * Reads the dashboard's settings out of a parsed OpenClaw config.
 * In the config a ref's first segment names the provider, so only `huggingface/…` refs are ours;
 * everything else (`anthropic/claude-opus-4-5`, a bare `openai/gpt-oss-120b` meaning provider
 * "openai") is reported as unmanaged and never rewritten.
 */
import { PROVIDER_PREFIX, tryNormaliseRef } from "@/lib/refs";

export interface UnmanagedSettings {
  primary: string | null;
  fallbacks: string[];
  aliases: Record<string, string>;
}

export interface ConfigSettings {
  primary: string | null;
  fallbacks: string[];
  aliases: Record<string, string>;
  unmanaged: UnmanagedSettings;
}

/** The canonical form of a ref the dashboard manages (`huggingface/…` that parses), else null. */
export function ownRef(raw: string): string | null {
  return raw.startsWith(`${PROVIDER_PREFIX}/`) ? tryNormaliseRef(raw) : null;
}

/** True when `raw` (as written in the file) means the canonical ref `want`. */
export function sameRef(raw: string | undefined, want: string | null): boolean {
  if (raw === undefined || want === null) return raw === undefined && want === null;
  return raw === want || ownRef(raw) === want;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

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

function aliasesOf(data: unknown): { own: Record<string, string>; other: Record<string, string> } {
  const own: Record<string, string> = {};
  const other: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(defaultsOf(data)?.models) ?? {})) {
    const alias = asRecord(entry)?.alias;
    if (typeof alias !== "string" || alias.trim() === "") continue;
    const ref = ownRef(key);
    if (ref === null) other[key] = alias.trim();
    // When two keys spell the same model, the canonical spelling wins.
    else if (!(ref in own) || key === ref) own[ref] = alias.trim();
  }
  return { own, other };
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

/**
 * The fallbacks list to write: other providers' entries keep their slots, ours fill the
 * remaining slots in the order given, extra ones go at the end.
 */
export function mergeFallbacks(written: string[], ours: string[]): string[] {
  const merged: string[] = [];
  let next = 0;
  for (const raw of written) {
    if (ownRef(raw) === null) merged.push(raw);
    else if (next < ours.length) merged.push(ours[next++] as string);
  }
  return [...merged, ...ours.slice(next)];
}
