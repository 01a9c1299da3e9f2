import "server-only";
import os from "node:os";
import path from "node:path";

/** Environment variables as a plain map, so tests can pass their own. */
export type EnvSource = Record<string, string | undefined>;

function expandHome(p: string): string {
  return p === "~" || p.startsWith("~/") ? path.join(os.homedir(), p.slice(1)) : p;
}

/** OpenClaw's state folder: `OPENCLAW_STATE_DIR`, else `~/.openclaw`. */
export function stateDir(env: EnvSource = process.env): string {
  const dir = env.OPENCLAW_STATE_DIR;
  return path.resolve(dir ? expandHome(dir) : path.join(os.homedir(), ".openclaw"));
}

/** The config file: `OPENCLAW_CONFIG_PATH`, else `<state dir>/openclaw.json`. */
export function configPath(env: EnvSource = process.env): string {
  const file = env.OPENCLAW_CONFIG_PATH;
  return path.resolve(file ? expandHome(file) : path.join(stateDir(env), "openclaw.json"));
}

/** The `.env` file OpenClaw's gateway daemon reads; where a token saved from the UI goes. */
export function envFilePath(env: EnvSource = process.env): string {
  return path.join(stateDir(env), ".env");
}

/** The dashboard's own data folder (model facts memory, config history, usage ledger): `HF_PICKER_DATA_DIR`, else `~/.hf-model-picker`. */
export function dataDir(env: EnvSource = process.env): string {
  const dir = env.HF_PICKER_DATA_DIR;
  return path.resolve(dir ? expandHome(dir) : path.join(os.homedir(), ".hf-model-picker"));
}
