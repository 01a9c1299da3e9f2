/**
 * Validation of what the dashboard writes into the OpenClaw config (README, "The OpenClaw config file").
 * Pure: the settings form runs it as the user types, the server runs it again before writing.
 */
import type { ApiIssue } from "@/lib/api-error";
import { DEFAULT_MODEL } from "@/lib/model-names";
import { RefError, normaliseRef, tryNormaliseRef } from "@/lib/refs";
import type { SettingsInput } from "./settings-types";

export const ALIAS_MAX_LENGTH = 64;

/** Words the dashboard's OpenAI-compatible proxy gives a meaning of its own. */
const RESERVED_ALIASES = [DEFAULT_MODEL];

/** One problem, at a form path: `primary`, `fallbacks`, `fallbacks.<i>`, `aliases.<ref as sent>`. */
export type SettingsIssue = ApiIssue;

/** The input with every ref in canonical form, aliases trimmed and empty ones dropped. */
export type NormalisedSettings = SettingsInput;

/** What the config holds outside the dashboard's reach (other providers' refs); see SettingsState.unmanaged. */
export interface ValidationContext {
  /** A primary of another provider stays in place when `primary` is null, so fallbacks may still be set. */
  externalPrimary?: string | null;
  /** Aliases of other providers' models: a new alias must not take one of them. */
  externalAliases?: Record<string, string>;
}

export interface ValidationResult {
  settings: NormalisedSettings;
  issues: SettingsIssue[];
}

function refMessage(error: unknown): string {
  return error instanceof RefError ? error.message : "Not a valid model ref";
}

/**
 * Characters an alias may not hold: controls (C0, DEL, C1), line and paragraph separators (OpenClaw's
 * JSON5 reader warns about U+2028 on every read), lone surrogates and invisible format characters
 * (bidi overrides, zero-width spaces, BOM) that make one alias look like another. The zero-width
 * joiner stays allowed: emoji sequences need it.
 */
const FORBIDDEN_IN_ALIAS = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]|(?!\u200d)\p{Cf}/u;

function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function checkAlias(alias: string): string | null {
  if (alias.length > ALIAS_MAX_LENGTH)
    return `An alias has at most ${ALIAS_MAX_LENGTH} characters (this one has ${alias.length})`;
  const forbidden = FORBIDDEN_IN_ALIAS.exec(alias)?.[0];
  if (forbidden !== undefined) {
    return `An alias cannot contain line breaks, control or invisible characters (it has ${codePointName(forbidden)})`;
  }
  if (tryNormaliseRef(alias) !== null) return `"${alias}" reads as a model ref; choose a name that is not a ref`;
  if (alias.includes("/")) return `An alias cannot contain "/": OpenClaw would read it as provider/model`;
  if (RESERVED_ALIASES.includes(alias.toLowerCase())) return `"${alias}" is reserved: it means the primary model`;
  return null;
}

function normalisePrimary(input: SettingsInput, issues: SettingsIssue[]): string | null {
  const raw = input.primary?.trim() ?? "";
  if (raw === "") return null;
  try {
    return normaliseRef(raw);
  } catch (error) {
    issues.push({ path: "primary", message: refMessage(error) });
    return null;
  }
}

function normaliseFallbacks(
  input: SettingsInput,
  primary: string | null,
  context: ValidationContext,
  issues: SettingsIssue[],
): string[] {
  const fallbacks: string[] = [];
  const primaryFailed = issues.some((issue) => issue.path === "primary");
  if (input.fallbacks.length > 0 && primary === null && !primaryFailed && !context.externalPrimary) {
    issues.push({ path: "fallbacks", message: "Fallbacks need a primary model: choose the primary first" });
  }
  input.fallbacks.forEach((raw, index) => {
    const path = `fallbacks.${index}`;
    let ref: string;
    try {
      ref = normaliseRef(raw);
    } catch (error) {
      issues.push({ path, message: refMessage(error) });
      return;
    }
    if (ref === primary) {
      issues.push({ path, message: `${ref} is already the primary model` });
    } else if (fallbacks.includes(ref)) {
      issues.push({ path, message: `${ref} is already in the fallbacks (position ${fallbacks.indexOf(ref) + 1})` });
    } else {
      fallbacks.push(ref);
    }
  });
  return fallbacks;
}

function normaliseAliases(
  input: SettingsInput,
  context: ValidationContext,
  issues: SettingsIssue[],
): Record<string, string> {
  const aliases: Record<string, string> = {};
  const owners = new Map<string, string>();
  for (const [ref, alias] of Object.entries(context.externalAliases ?? {})) owners.set(alias.trim().toLowerCase(), ref);
  const seenRefs = new Map<string, string>();

  for (const [rawRef, rawAlias] of Object.entries(input.aliases)) {
    const path = `aliases.${rawRef}`;
    const alias = rawAlias.trim();
    let ref: string;
    try {
      ref = normaliseRef(rawRef);
    } catch (error) {
      issues.push({ path, message: refMessage(error) });
      continue;
    }
    if (seenRefs.has(ref)) {
      issues.push({ path, message: `${rawRef} is the same model as ${seenRefs.get(ref)}: give it one alias` });
      continue;
    }
    seenRefs.set(ref, rawRef);
    if (alias === "") continue;
    const problem = checkAlias(alias);
    const owner = owners.get(alias.toLowerCase());
    if (problem) {
      issues.push({ path, message: problem });
    } else if (owner !== undefined) {
      issues.push({ path, message: `"${alias}" is already the alias of ${owner}` });
    } else {
      owners.set(alias.toLowerCase(), ref);
      aliases[ref] = alias;
    }
  }
  return aliases;
}

/**
 * Checks and normalises the dashboard's settings. Refs are normalised (`Qwen/Qwen3-8B` →
 * `huggingface/Qwen/Qwen3-8B`); an empty alias means "remove the alias".
 */
export function validateSettings(input: SettingsInput, context: ValidationContext = {}): ValidationResult {
  const issues: SettingsIssue[] = [];
  const primary = normalisePrimary(input, issues);
  const fallbacks = normaliseFallbacks(input, primary, context, issues);
  const aliases = normaliseAliases(input, context, issues);
  return { settings: { primary, fallbacks, aliases }, issues };
}
