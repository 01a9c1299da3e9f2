/**
 * Model refs: `huggingface/<org>/<model>[:<suffix>]`; a bare `<org>/<model>` is accepted and normalised.
 * Pure functions shared by the server, the pages and the tests.
 */

export const PROVIDER_PREFIX = "huggingface";
export const POLICIES = ["fastest", "cheapest", "preferred"] as const;
export type Policy = (typeof POLICIES)[number];

/** Policies where the router picks the backend, so no backend picker is offered. */
export const LOCKED_POLICIES: readonly Policy[] = ["fastest", "cheapest"];

export type Suffix = { kind: "none" } | { kind: "policy"; policy: Policy } | { kind: "provider"; provider: string };

export interface ParsedRef {
  org: string;
  model: string;
  /** Hub id, `org/model`, without suffix. */
  id: string;
  suffix: Suffix;
}

export type RefPart = "ref" | "prefix" | "org" | "model" | "suffix";

export class RefError extends Error {
  constructor(
    readonly part: RefPart,
    message: string,
  ) {
    super(message);
    this.name = "RefError";
  }
}

const SEGMENT = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_SEGMENT = 96;

function checkSegment(part: "org" | "model", value: string, input: string): void {
  if (value.length === 0) throw new RefError(part, `"${input}" has an empty ${part} name`);
  if (value.length > MAX_SEGMENT || !SEGMENT.test(value) || value.includes("..")) {
    throw new RefError(
      part,
      `"${value}" is not a valid ${part} name (letters, digits, ".", "-", "_"; at most ${MAX_SEGMENT} characters)`,
    );
  }
}

export function parseSuffix(raw: string): Suffix {
  if (raw === "") return { kind: "none" };
  if ((POLICIES as readonly string[]).includes(raw)) return { kind: "policy", policy: raw as Policy };
  if (PROVIDER_ID.test(raw) && raw.length <= 64) return { kind: "provider", provider: raw };
  throw new RefError(
    "suffix",
    `":${raw}" is not a valid suffix: use :fastest, :cheapest, :preferred or a provider id such as :together`,
  );
}

export function suffixText(suffix: Suffix): string {
  if (suffix.kind === "none") return "";
  return suffix.kind === "policy" ? suffix.policy : suffix.provider;
}

/**
 * Parses a ref or a bare Hub id, with or without suffix. Throws RefError naming the bad part.
 * `huggingface/huggingface/org/model` collapses to `huggingface/org/model`.
 */
export function parseRef(input: string): ParsedRef {
  const text = input.trim();
  if (text === "") throw new RefError("ref", "The model ref is empty");
  let path = text;
  while (path.startsWith(`${PROVIDER_PREFIX}/`)) path = path.slice(PROVIDER_PREFIX.length + 1);

  const colon = path.indexOf(":");
  const rawSuffix = colon === -1 ? "" : path.slice(colon + 1);
  const idPart = colon === -1 ? path : path.slice(0, colon);
  if (colon !== -1 && rawSuffix === "") throw new RefError("suffix", `"${text}" ends with ":" but has no suffix`);

  const segments = idPart.split("/");
  if (segments.length === 1) {
    throw new RefError("ref", `"${text}" is not a model ref: expected huggingface/<org>/<model>[:suffix]`);
  }
  if (segments.length > 2) {
    throw new RefError(
      "prefix",
      `"${segments[0]}/" is not a known provider prefix: expected huggingface/<org>/<model>[:suffix]`,
    );
  }
  const [org = "", model = ""] = segments;
  checkSegment("org", org, text);
  checkSegment("model", model, text);
  return { org, model, id: `${org}/${model}`, suffix: parseSuffix(rawSuffix) };
}

/** The canonical form, `huggingface/org/model[:suffix]`. */
export function formatRef(ref: Pick<ParsedRef, "id" | "suffix">): string {
  const suffix = suffixText(ref.suffix);
  return `${PROVIDER_PREFIX}/${ref.id}${suffix ? `:${suffix}` : ""}`;
}

/** Normalises any accepted spelling to the canonical ref. Throws RefError. */
export function normaliseRef(input: string): string {
  return formatRef(parseRef(input));
}

/** Like normaliseRef but returns null instead of throwing. */
export function tryNormaliseRef(input: string): string | null {
  try {
    return normaliseRef(input);
  } catch {
    return null;
  }
}

/** The model id sent to the router: the ref without `huggingface/`, suffix kept. */
export function upstreamModelId(ref: string): string {
  const parsed = parseRef(ref);
  const suffix = suffixText(parsed.suffix);
  return suffix ? `${parsed.id}:${suffix}` : parsed.id;
}

/** The ref of a Hub id with the given suffix (null/"" = no suffix). */
export function refFor(id: string, suffix: string | null = null): string {
  return formatRef({ id: parseRef(id).id, suffix: parseSuffix(suffix ?? "") });
}

/** The ref without its suffix. */
export function baseRef(ref: string): string {
  return formatRef({ id: parseRef(ref).id, suffix: { kind: "none" } });
}

/** True when the router decides the backend (`:fastest`, `:cheapest`): no backend picker. */
export function isProviderLocked(suffix: Suffix): boolean {
  return suffix.kind === "policy" && LOCKED_POLICIES.includes(suffix.policy);
}

/** A short human description of a ref's routing. */
export function describeSuffix(suffix: Suffix): string {
  switch (suffix.kind) {
    case "none":
      return "Default routing";
    case "policy":
      return { fastest: "Fastest provider", cheapest: "Cheapest provider", preferred: "Your preferred order" }[
        suffix.policy
      ];
    case "provider":
      return `Pinned to ${suffix.provider}`;
  }
}

/**
 * True when two refs typed by a user are the same once normalised (`org/m` = `huggingface/org/m`);
 * text that does not parse is compared as it is. For refs as written in the config file, where a
 * bare `org/m` belongs to another provider, use `meansRef` (lib/settings/config-models.ts).
 */
export function equalRefs(a: string | null | undefined, b: string): boolean {
  return a != null && (a === b || (tryNormaliseRef(a) ?? a) === (tryNormaliseRef(b) ?? b));
}
