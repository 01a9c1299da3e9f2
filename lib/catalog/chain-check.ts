/**
 * The chain check (README, "Chain check"): what could go wrong when OpenClaw falls back from the
 * primary to each fallback, judged from today's catalog. Pure; `POST /api/settings/check` runs it.
 */
import type { CatalogModel, CatalogResponse } from "./catalog-types";
import type { ChainCandidate, ChainCheck, ChainFinding, ChainInput } from "./chain-types";
import { estimateChainTest } from "./chain-test";
import { catalogModelOf, factsForRef } from "./model-facts";
import { fastestProvider, cheapestProvider, liveProviders } from "./routing-policy";
import { parseRef, tryNormaliseRef, type ParsedRef } from "@/lib/refs";
import { formatContext } from "@/lib/format";

interface Entry {
  ref: string;
  position: number;
  parsed: ParsedRef;
  model: CatalogModel | undefined;
  candidate: ChainCandidate;
}

const CAPABILITIES = [
  { key: "tools", label: "tool calls" },
  { key: "vision", label: "image input" },
  { key: "reasoning", label: "reasoning" },
] as const;

/** Tool support of the backend a ref would use; for a router-chosen backend, whether any live one has it. */
function toolsOf(parsed: ParsedRef, model: CatalogModel): boolean | null {
  const suffix = parsed.suffix;
  const backend =
    suffix.kind === "provider"
      ? model.providers.find((p) => p.provider === suffix.provider)
      : suffix.kind === "policy" && suffix.policy === "cheapest"
        ? cheapestProvider(model)
        : suffix.kind === "policy" && suffix.policy === "fastest"
          ? fastestProvider(model)
          : null;
  if (backend) return backend.supportsTools ?? null;
  const flags = liveProviders(model).map((p) => p.supportsTools);
  if (flags.includes(true)) return true;
  return flags.length > 0 && flags.every((flag) => flag === false) ? false : null;
}

function candidateOf(
  ref: string,
  position: number,
  parsed: ParsedRef,
  model: CatalogModel | undefined,
): ChainCandidate {
  const facts = factsForRef(ref, model);
  return {
    ref,
    position,
    label: model?.alias ?? facts.values.name,
    contextWindow: facts.values.contextWindow ?? null,
    cost: facts.values.cost ?? null,
    tools: model ? toolsOf(parsed, model) : null,
    vision: model?.input.includes("image") ?? false,
    reasoning: model?.reasoning ?? false,
  };
}

function where(position: number): string {
  return position === 0 ? "the primary" : `fallback ${position}`;
}

/** Findings about one entry on its own: is it routed, is its pinned backend up. */
function entryFindings(entry: Entry, live: boolean): ChainFinding[] {
  const at = { ref: entry.ref, position: entry.position };
  const { model, parsed } = entry;
  if (!live) return [];
  if (!model) {
    return [
      {
        ...at,
        code: "not-in-catalog",
        severity: "error",
        message: `${parsed.id} is not in the router's list: requests to it fail.`,
      },
    ];
  }
  if (liveProviders(model).length === 0) {
    return [
      {
        ...at,
        code: "not-routed",
        severity: "error",
        message: `${model.name} is not currently routed: no backend serves it, so ${where(entry.position)} fails.`,
      },
    ];
  }
  const suffix = parsed.suffix;
  if (suffix.kind !== "provider") return [];
  const backend = model.providers.find((p) => p.provider === suffix.provider);
  if (!backend) {
    return [
      {
        ...at,
        code: "pinned-backend-missing",
        severity: "error",
        message: `${suffix.provider} does not serve ${model.name}: pick another backend or a policy.`,
      },
    ];
  }
  if (backend.status === "error") {
    return [
      {
        ...at,
        code: "pinned-backend-error",
        severity: "error",
        message: `The pinned backend ${suffix.provider} is in error right now: requests pinned to it fail.`,
      },
    ];
  }
  return [];
}

/** Findings about a fallback compared with the primary and the fallbacks before it. */
function fallbackFindings(entry: Entry, primary: Entry | undefined, earlier: Entry[], fails: boolean): ChainFinding[] {
  const at = { ref: entry.ref, position: entry.position };
  const findings: ChainFinding[] = [];
  if (primary && entry.parsed.id === primary.parsed.id) {
    findings.push({
      ...at,
      code: "same-model-as-primary",
      severity: "warning",
      message: `The same model as the primary with another suffix: when the model is down, both fail.`,
    });
  } else {
    const twin = earlier.find((other) => other.parsed.id === entry.parsed.id);
    if (twin) {
      findings.push({
        ...at,
        code: "same-model-twice",
        severity: "warning",
        message: `The same model as fallback ${twin.position} with another suffix: it adds little when that one fails.`,
      });
    }
  }
  // An entry that fails anyway needs no comparison: its error says enough.
  if (fails || !primary?.model || !entry.model) return findings;
  const missing = CAPABILITIES.filter(
    ({ key }) => primary.candidate[key] === true && entry.candidate[key] === false,
  ).map(({ label }) => label);
  if (missing.length > 0) {
    findings.push({
      ...at,
      code: "missing-capability",
      severity: "warning",
      message: `Lacks ${missing.join(", ")}, which the primary has: requests that need ${missing.length > 1 ? "them" : "it"} fail or answer worse here.`,
    });
  }
  const mine = entry.candidate.contextWindow;
  const theirs = primary.candidate.contextWindow;
  if (mine !== null && theirs !== null && mine < theirs) {
    findings.push({
      ...at,
      code: "smaller-context",
      severity: "warning",
      message: `Smaller context window than the primary (${formatContext(mine)} vs ${formatContext(theirs)} tokens): a conversation that fits the primary may not fit here.`,
    });
  }
  return findings;
}

/** Checks the chain `input` against `catalog`; every finding names the entry it concerns. */
export function checkChain(input: ChainInput, catalog: Pick<CatalogResponse, "source" | "models">): ChainCheck {
  const live = catalog.source !== "builtin";
  const findings: ChainFinding[] = [];
  const entries: Entry[] = [];
  const raw = [input.primary, ...input.fallbacks];
  raw.forEach((text, position) => {
    if (text === null || text.trim() === "") return;
    const ref = tryNormaliseRef(text);
    if (!ref) {
      findings.push({
        code: "invalid-ref",
        severity: "error",
        ref: text,
        position,
        message: `"${text}" is not a model ref.`,
      });
      return;
    }
    const parsed = parseRef(ref);
    const model = catalogModelOf(ref, catalog.models);
    entries.push({ ref, position, parsed, model, candidate: candidateOf(ref, position, parsed, model) });
  });
  if (input.primary === null || input.primary.trim() === "") {
    findings.push({
      code: "no-primary",
      severity: "error",
      ref: null,
      position: null,
      message: "No primary model: OpenClaw has no Hugging Face model to start with.",
    });
  }
  if (!live) {
    findings.push({
      code: "catalog-not-live",
      severity: "info",
      ref: null,
      position: null,
      message: "The router's live list is not available: whether each model is routed cannot be checked.",
    });
  }
  const primary = entries.find((entry) => entry.position === 0);
  for (const entry of entries) {
    const own = entryFindings(entry, live);
    findings.push(...own);
    if (entry.position > 0) {
      const earlier = entries.filter((other) => other.position > 0 && other.position < entry.position);
      findings.push(...fallbackFindings(entry, primary, earlier, own.length > 0));
    }
  }
  if (primary && input.fallbacks.length === 0) {
    findings.push({
      code: "no-fallbacks",
      severity: "info",
      ref: null,
      position: null,
      message: "No fallbacks: when the primary fails, OpenClaw has nothing to fall back to.",
    });
  }
  const candidates = entries.map((entry) => entry.candidate);
  return { catalogSource: catalog.source, candidates, findings, estimate: estimateChainTest(candidates) };
}
