/**
 * The model-facts part of the OpenClaw CLI check: what `openclaw models list --json` must report for
 * each ref in use (the `name` and `contextWindow` of its entry), and that the entries the dashboard
 * wrote hold exactly what the catalog shows for the backend each ref would use.
 */
import JSON5 from "json5";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { catalogModelOf, factsForRef } from "@/lib/catalog/model-facts";
import { tryNormaliseRef } from "@/lib/refs";
import type { FactsReport } from "@/lib/settings/facts-types";
import type { SettingsState } from "@/lib/settings/settings-types";

export type EntryKind = "primary" | "fallback" | "suffixed alias";

export interface FactsExpectation {
  ref: string;
  kinds: EntryKind[];
  name: string;
  contextWindow: number | null;
}

interface ProviderEntry {
  id?: unknown;
  name?: unknown;
  contextWindow?: unknown;
}

function entriesOf(text: string): ProviderEntry[] {
  const data = JSON5.parse(text) as { models?: { providers?: { huggingface?: { models?: ProviderEntry[] } } } };
  return data.models?.providers?.huggingface?.models ?? [];
}

function kindsOf(ref: string, state: SettingsState): EntryKind[] {
  const kinds: EntryKind[] = [];
  if (state.primary === ref) kinds.push("primary");
  if (state.fallbacks.includes(ref)) kinds.push("fallback");
  if (state.aliases[ref] && ref.includes(":")) kinds.push("suffixed alias");
  return kinds;
}

/**
 * For every ref in use: the entry the file holds for it (the dashboard's or the user's) is what the
 * CLI must report. The dashboard's entries must also match the catalog; a mismatch is a problem.
 */
export function factsExpectations(
  written: string,
  state: SettingsState,
  report: FactsReport | null,
  catalog: CatalogResponse,
): { expectations: FactsExpectation[]; problems: string[] } {
  const problems: string[] = [];
  const entries = entriesOf(written);
  const refs = [...new Set([state.primary, ...state.fallbacks, ...Object.keys(state.aliases)])].filter(
    (ref): ref is string => ref !== null,
  );
  const expectations = refs.flatMap((ref) => {
    const entry = entries.find((e) => typeof e.id === "string" && tryNormaliseRef(e.id) === ref);
    if (!entry) {
      problems.push(`no model entry for ${ref}`);
      return [];
    }
    const status = report?.entries.find((e) => e.ref === ref)?.status;
    if (status !== "yours") {
      const facts = factsForRef(ref, catalogModelOf(ref, catalog.models)).values;
      if (entry.name !== facts.name || entry.contextWindow !== facts.contextWindow) {
        problems.push(
          `${ref}: wrote name ${String(entry.name)} / contextWindow ${String(entry.contextWindow)}, the catalog shows ${facts.name} / ${facts.contextWindow ?? "none"}`,
        );
      }
    }
    return [
      {
        ref,
        kinds: kindsOf(ref, state),
        name: String(entry.name),
        contextWindow: typeof entry.contextWindow === "number" ? entry.contextWindow : null,
      },
    ];
  });
  return { expectations, problems };
}

interface ListedModel {
  key?: string;
  name?: string;
  contextWindow?: number | null;
}

/** Differences between what `openclaw models list --json` reports and the entries in the file. */
export function listDifferences(expectations: readonly FactsExpectation[], stdout: string): string[] {
  const listed = (JSON.parse(stdout) as { models?: ListedModel[] }).models ?? [];
  return expectations.flatMap((want) => {
    const got = listed.find((model) => model.key === want.ref);
    if (!got) return [`models list: ${want.ref} is missing`];
    if (got.name !== want.name || (got.contextWindow ?? null) !== want.contextWindow) {
      return [
        `models list: ${want.ref} reports ${got.name} / ${String(got.contextWindow)}, the file says ${want.name} / ${String(want.contextWindow)}`,
      ];
    }
    return [];
  });
}
