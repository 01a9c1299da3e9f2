import "server-only";
import fs from "node:fs/promises";
import type { TokenSource } from "@/lib/settings/settings-types";
import { atomicWrite } from "@/lib/server/config-file/atomic-write";
import { envFilePath, type EnvSource } from "@/lib/server/paths";

export const TOKEN_VARS = ["HUGGINGFACE_HUB_TOKEN", "HF_TOKEN"] as const;

export interface ResolvedToken {
  value: string;
  source: TokenSource;
}

/** Parses `KEY=value` lines of a dotenv file (optional `export`, quotes, comments). */
export function parseDotEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key = "", raw = ""] = match;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(key, quoted ? (quoted[2] ?? "") : raw.replace(/\s+#.*$/, ""));
  }
  return values;
}

async function readEnvFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

/** `HUGGINGFACE_HUB_TOKEN` wins over `HF_TOKEN`; the process environment wins over `<state dir>/.env`. */
export async function resolveToken(env: EnvSource = process.env): Promise<ResolvedToken | null> {
  for (const name of TOKEN_VARS) {
    const value = env[name]?.trim();
    if (value) return { value, source: `env:${name}` };
  }
  const fileValues = parseDotEnv(await readEnvFile(envFilePath(env)).catch(() => ""));
  for (const name of TOKEN_VARS) {
    const value = fileValues.get(name)?.trim();
    if (value) return { value, source: `file:${name}` };
  }
  return null;
}

/** `hf_…x7Qz`: enough to recognise a token, never enough to use it. */
export function maskToken(token: string): string {
  if (token.length <= 8) return "…";
  return `${token.slice(0, 3)}…${token.slice(-4)}`;
}

/** Saves `HF_TOKEN=…` in `<state dir>/.env` (0600), keeping every other line. */
export async function saveTokenToEnvFile(token: string, env: EnvSource = process.env): Promise<void> {
  const file = envFilePath(env);
  const lines = (await readEnvFile(file)).split(/\r?\n/).filter((line, i, all) => line !== "" || i < all.length - 1);
  const isTokenLine = (line: string) => /^\s*(?:export\s+)?(HF_TOKEN|HUGGINGFACE_HUB_TOKEN)\s*=/.test(line);
  const kept = lines.filter((line) => !isTokenLine(line));
  kept.push(`HF_TOKEN=${token}`);
  await atomicWrite(file, `${kept.join("\n")}\n`, { mode: 0o600 });
}

/** Removes the token lines from `<state dir>/.env`, keeping every other line. */
export async function removeTokenFromEnvFile(env: EnvSource = process.env): Promise<boolean> {
  const file = envFilePath(env);
  const text = await readEnvFile(file);
  if (text === "") return false;
  const lines = text.split(/\r?\n/);
  const kept = lines.filter((line) => !/^\s*(?:export\s+)?(HF_TOKEN|HUGGINGFACE_HUB_TOKEN)\s*=/.test(line));
  if (kept.length === lines.length) return false;
  await atomicWrite(file, kept.join("\n"), { mode: 0o600 });
  return true;
}
