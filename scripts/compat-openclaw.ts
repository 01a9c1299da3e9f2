/**
 * Checks that the real OpenClaw CLI accepts what the dashboard's config store writes (README, "The OpenClaw config file"):
 * for each case the store edits a config, then `openclaw config validate` must pass and
 * `openclaw models status --json` must report the same default model, fallbacks and aliases. With
 * model facts on (README, "Model facts for OpenClaw"), `openclaw models list --json` must report the
 * `name` and `contextWindow` of each ref's entry, and the entries the dashboard wrote must hold what
 * the catalog shows; the catalog is built from the fake router's fixed model list, so figures never move.
 *
 *   node --conditions=react-server --import tsx scripts/compat-openclaw.ts
 *
 * The CLI is installed once and runs without network (scripts/compat-openclaw/cli.ts).
 * Ends with "N passed, N failed"; exits 1 on any failure.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSON5 from "json5";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { factsForRef } from "@/lib/catalog/model-facts";
import { overlayFromConfig } from "@/lib/settings/config-models";
import type { SettingsState } from "@/lib/settings/settings-types";
import { previewSettings, readSettings, writeSettings } from "@/lib/server/config-file/config-store";
import { fakeRouterCatalog } from "@/test/fixtures/fake-catalog";
import { CASES, type Case } from "./compat-openclaw/cases";
import { NODE_BIN, OPENCLAW_VERSION, ensureCli, exists, openclaw, run } from "./compat-openclaw/cli";
import { factsExpectations, listDifferences, type EntryKind, type FactsExpectation } from "./compat-openclaw/facts";
import { checkRoutedThroughDashboard } from "./compat-openclaw/route";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "configs");

interface ModelsStatus {
  defaultModel?: string | null;
  fallbacks?: string[];
  aliases?: Record<string, string>;
}

/** What OpenClaw should report for the written state: our settings plus other providers' entries. */
function expected(state: SettingsState, fileFallbacks: string[]): Required<ModelsStatus> {
  const aliases: Record<string, string> = {};
  for (const [ref, alias] of Object.entries({ ...state.unmanaged?.aliases, ...state.aliases })) aliases[alias] = ref;
  return { defaultModel: state.primary ?? state.unmanaged?.primary ?? null, fallbacks: fileFallbacks, aliases };
}

function differences(want: Required<ModelsStatus>, got: ModelsStatus): string[] {
  const problems: string[] = [];
  if (got.defaultModel !== want.defaultModel)
    problems.push(`default model: want ${want.defaultModel}, got ${got.defaultModel}`);
  if (JSON.stringify(got.fallbacks ?? []) !== JSON.stringify(want.fallbacks)) {
    problems.push(`fallbacks: want ${JSON.stringify(want.fallbacks)}, got ${JSON.stringify(got.fallbacks)}`);
  }
  const sorted = (o: Record<string, string>) =>
    JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  if (sorted(got.aliases ?? {}) !== sorted(want.aliases))
    problems.push(`aliases: want ${sorted(want.aliases)}, got ${sorted(got.aliases ?? {})}`);
  return problems;
}

interface Prepared {
  stateDir: string;
  written: string;
  want: Required<ModelsStatus>;
  /** With model facts on: what `openclaw models list --json` must report. */
  facts: FactsExpectation[] | null;
  /** Found before the CLI ran (the dashboard's entries differ from the catalog). */
  problems: string[];
}

/** The catalog the dashboard would show for this file: the fake router's list merged with the file's overrides. */
function catalogOf(text: string): CatalogResponse {
  return fakeRouterCatalog(overlayFromConfig(text.trim() === "" ? {} : JSON5.parse(text)));
}

/** Writes the case's config with the dashboard's store (one at a time: the store reads its path from the environment). */
async function prepare(testCase: Case): Promise<Prepared> {
  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), "compat-openclaw-"));
  const file = path.join(stateDir, "openclaw.json");
  const real = testCase.symlinked ? path.join(stateDir, "dotfiles", "openclaw.json5") : file;
  if (testCase.symlinked) {
    await fs.mkdir(path.dirname(real));
    await fs.symlink("dotfiles/openclaw.json5", path.join(stateDir, "link.json"));
    await fs.symlink(path.join(stateDir, "link.json"), file);
  }
  if (testCase.fixture) await fs.copyFile(path.join(FIXTURES, testCase.fixture), real);
  process.env.OPENCLAW_STATE_DIR = stateDir;
  process.env.OPENCLAW_CONFIG_PATH = file;
  process.env.HF_PICKER_DATA_DIR = path.join(stateDir, "dashboard-data");
  const catalog = catalogOf(testCase.fixture ? await fs.readFile(real, "utf8") : "");
  const options = { catalog: async () => catalog };
  const preview = await previewSettings(testCase.input, options);
  const state = await writeSettings(testCase.input, (await readSettings()).etag, options);
  const written = await fs.readFile(file, "utf8");
  if (testCase.symlinked) {
    if (!(await fs.lstat(file)).isSymbolicLink()) throw new Error("the config link became a regular file");
    if (!(await exists(`${real}.bak`))) throw new Error("no .bak beside the link's target");
  }
  const model = (JSON5.parse(written) as { agents?: { defaults?: { model?: unknown } } }).agents?.defaults?.model;
  const fileFallbacks =
    typeof model === "object" && model !== null ? ((model as { fallbacks?: string[] }).fallbacks ?? []) : [];
  const facts = testCase.input.modelFacts ? factsExpectations(written, state, preview.facts, catalog) : null;
  return {
    stateDir,
    written,
    want: expected(state, fileFallbacks),
    facts: facts?.expectations ?? null,
    problems: facts?.problems ?? [],
  };
}

async function check(prepared: Prepared): Promise<string[]> {
  const problems: string[] = [...prepared.problems];
  const validate = await openclaw(prepared.stateDir, ["config", "validate"]);
  if (validate.code !== 0)
    problems.push(
      `config validate exited ${validate.code}: ${(validate.stdout + validate.stderr).trim().slice(0, 800)}`,
    );
  const status = await openclaw(prepared.stateDir, ["models", "status", "--json"]);
  if (status.code !== 0) problems.push(`models status exited ${status.code}: ${status.stderr.trim().slice(0, 800)}`);
  else problems.push(...differences(prepared.want, JSON.parse(status.stdout) as ModelsStatus));
  if (prepared.facts) {
    // --all: the default list holds only refs with an agents.defaults.models entry, which a primary may lack.
    const list = await openclaw(prepared.stateDir, ["models", "list", "--all", "--provider", "huggingface", "--json"]);
    if (list.code !== 0) problems.push(`models list exited ${list.code}: ${list.stderr.trim().slice(0, 800)}`);
    else problems.push(...listDifferences(prepared.facts, list.stdout));
  }
  if (problems.length > 0) problems.push(`written config:\n${prepared.written}`);
  return problems;
}

async function runCase(testCase: Case, prepared: Prepared | Error): Promise<boolean> {
  const started = Date.now();
  const problems = prepared instanceof Error ? [`the config store failed: ${prepared.message}`] : await check(prepared);
  if (!(prepared instanceof Error)) await fs.rm(prepared.stateDir, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    problems.length === 0
      ? `PASS ${testCase.name} (${seconds} s)`
      : `FAIL ${testCase.name} (${seconds} s)\n  ${problems.join("\n  ")}`,
  );
  return problems.length === 0;
}

/** The fixed figures the checks rely on: if the fake router's list changes, say so rather than pass on other numbers. */
function checkFixedFigures(): string[] {
  const r1 = fakeRouterCatalog().models.find((m) => m.id === "deepseek-ai/DeepSeek-R1");
  const cheapest = factsForRef("huggingface/deepseek-ai/DeepSeek-R1:cheapest", r1);
  const ok =
    cheapest.provider === "novita" &&
    cheapest.values.contextWindow === 65536 &&
    cheapest.values.cost?.input === 0.7 &&
    cheapest.values.cost.output === 2.5;
  return ok
    ? []
    : [`DeepSeek-R1:cheapest should be novita, 65536 tokens, $0.70/$2.50; got ${JSON.stringify(cheapest)}`];
}

/** Every seed example is saved with facts on and read back for a primary, a fallback and a suffixed alias. */
function seedCoverage(
  cases: readonly Case[],
  prepared: readonly (Prepared | Error)[],
  seeds: readonly string[],
): string[] {
  const covered = new Map<string, Set<EntryKind>>();
  cases.forEach((testCase, i) => {
    const facts =
      (prepared[i] as Prepared | Error | undefined) instanceof Error ? null : (prepared[i] as Prepared).facts;
    if (!testCase.fixture?.startsWith("seed-") || !facts) return;
    const kinds = covered.get(testCase.fixture) ?? new Set<EntryKind>();
    for (const expectation of facts) for (const kind of expectation.kinds) kinds.add(kind);
    covered.set(testCase.fixture, kinds);
  });
  return seeds.flatMap((fixture) => {
    const kinds = covered.get(fixture) ?? new Set();
    const missing = (["primary", "fallback", "suffixed alias"] as const).filter((kind) => !kinds.has(kind));
    return missing.length ? [`${fixture}: no model-facts check of a ${missing.join(", ")}`] : [];
  });
}

const ROUTE_CHECK = "route OpenClaw through the dashboard: openclaw infer answers, the ledger has it with its cost";

async function main(): Promise<void> {
  const started = Date.now();
  await ensureCli();
  const version = (await openclaw(os.tmpdir(), ["--version"])).stdout.trim();
  console.log(`OpenClaw ${version || OPENCLAW_VERSION} on Node ${(await run(NODE_BIN, ["--version"])).stdout.trim()}`);
  // COMPAT_ONLY=<text>: only the cases whose name contains it (while working on one).
  const only = process.env.COMPAT_ONLY;
  const cases = only ? CASES.filter((testCase) => testCase.name.includes(only)) : CASES;
  const prepared: (Prepared | Error)[] = [];
  for (const testCase of cases)
    prepared.push(
      await prepare(testCase).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  // Two CLI runs at a time: each is a few seconds of one core.
  const results: boolean[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++)
      results[i] = await runCase(cases[i] as Case, prepared[i] as Prepared | Error);
  };
  await Promise.all([worker(), worker()]);
  const seeds = (await fs.readdir(FIXTURES)).filter((name) => name.startsWith("seed-")).sort();
  const coverage = [...checkFixedFigures(), ...(only ? [] : seedCoverage(cases, prepared, seeds))];
  for (const problem of coverage) console.log(`FAIL ${problem}`);
  // The routed check runs OpenClaw against a dashboard of its own; COMPAT_ONLY=route runs only it.
  if (process.env.SKIP_COMPAT_ROUTE !== "1" && (!only || ROUTE_CHECK.includes(only))) {
    const routeStarted = Date.now();
    const problems = await checkRoutedThroughDashboard(openclaw);
    const seconds = ((Date.now() - routeStarted) / 1000).toFixed(1);
    console.log(
      problems.length === 0
        ? `PASS ${ROUTE_CHECK} (${seconds} s)`
        : `FAIL ${ROUTE_CHECK} (${seconds} s)\n  ${problems.join("\n  ")}`,
    );
    results.push(problems.length === 0);
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed + coverage.length;
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
