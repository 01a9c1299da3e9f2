/** The OpenClaw config file of a test dashboard, written and read straight on disk. */
import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";

export interface OpenClawConfig {
  agents?: {
    defaults?: {
      model?: string | { primary?: string; fallbacks?: string[] };
      models?: Record<string, { alias?: string } & Record<string, unknown>>;
    };
  };
  [key: string]: unknown;
}

export function configPathOf(stateDir: string): string {
  return path.join(stateDir, "openclaw.json");
}

export function writeConfig(stateDir: string, text: string): void {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(configPathOf(stateDir), text, { mode: 0o600 });
}

export function readConfigText(stateDir: string): string {
  return fs.readFileSync(configPathOf(stateDir), "utf8");
}

export function readConfig(stateDir: string): OpenClawConfig {
  return JSON5.parse(readConfigText(stateDir)) as OpenClawConfig;
}

/** Leaves the state dir as the dashboard started with it: no config, no backup. */
export function removeConfig(stateDir: string): void {
  for (const name of ["openclaw.json", "openclaw.json.bak"]) fs.rmSync(path.join(stateDir, name), { force: true });
}

/**
 * Forgets the dashboard's config history (scripts/e2e-dashboard.ts keeps it in `<state dir>/data`),
 * so a test sees only the versions it made: the next one kept is version 1 again.
 */
export function clearHistory(stateDir: string): void {
  fs.rmSync(path.join(stateDir, "data", "config-history"), { recursive: true, force: true });
}

/** Primary, fallbacks and aliases as OpenClaw reads them. */
export function modelSettingsOf(config: OpenClawConfig) {
  const defaults = config.agents?.defaults ?? {};
  const model = typeof defaults.model === "string" ? { primary: defaults.model } : (defaults.model ?? {});
  const aliases = Object.fromEntries(
    Object.entries(defaults.models ?? {})
      .filter(([, entry]) => typeof entry.alias === "string")
      .map(([ref, entry]) => [ref, entry.alias]),
  );
  return { primary: model.primary ?? null, fallbacks: model.fallbacks ?? [], aliases };
}

export const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
export const QWEN = "huggingface/Qwen/Qwen3-8B";
export const LLAMA_CHEAP = "huggingface/meta-llama/Llama-3.3-70B-Instruct:cheapest";
export const LLAMA_8B = "huggingface/meta-llama/Llama-3.1-8B-Instruct";

/** A hand-written file: comments, other keys and an entry option that saving must keep. */
export const KNOWN_CONFIG = `// Written by the e2e tests: comments and other keys must survive a save.
{
  agents: {
    defaults: {
      model: { primary: "${R1}" },
      models: {
        "${R1}": { alias: "R1", params: { temperature: 0.6 } },
      },
    },
  },
  gateway: { port: 18789 }, // not the dashboard's
}
`;
