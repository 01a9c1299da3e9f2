import "server-only";
import { z } from "zod";
import { HF_ROUTER_URL } from "@/lib/hf-urls";
import type { EnvSource } from "./paths";

const envSchema = z.object({
  HF_ROUTER_URL: z
    .url({ message: `HF_ROUTER_URL must be an http(s) URL such as ${HF_ROUTER_URL}` })
    .default(HF_ROUTER_URL),
  OPENCLAW_CONFIG_PATH: z.string().min(1).optional(),
  OPENCLAW_STATE_DIR: z.string().min(1).optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  CATALOG_TTL_MS: z.coerce
    .number({ message: "CATALOG_TTL_MS must be a number of milliseconds" })
    .int()
    .min(0)
    .default(10 * 60 * 1000),
  ROUTER_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  DASHBOARD_API_KEY: z.string().min(1).optional(),
  HF_PICKER_DATA_DIR: z.string().min(1).optional(),
  CONFIG_MAX_BYTES: z.coerce
    .number({ message: "CONFIG_MAX_BYTES must be a number of bytes" })
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  HF_PICKER_RETENTION_DAYS: z.coerce
    .number({ message: "HF_PICKER_RETENTION_DAYS must be a whole number of days" })
    .int("HF_PICKER_RETENTION_DAYS must be a whole number of days")
    .min(1, "HF_PICKER_RETENTION_DAYS must be at least 1")
    .max(36_500)
    .default(90),
  CONFIG_HISTORY_VERSIONS: z.coerce
    .number({ message: "CONFIG_HISTORY_VERSIONS must be a whole number of versions" })
    .int()
    .min(20, { message: "CONFIG_HISTORY_VERSIONS must be at least 20" })
    .max(10_000)
    .default(50),
});

export type ServerEnv = z.infer<typeof envSchema>;

/**
 * Reads the environment each call (tests change it between cases); throws with the variable named.
 * Token variables are read by token.ts, not here, so they never sit in a plain object that could be logged.
 */
const KEYS = Object.keys(envSchema.shape);
let last: { key: string; env: ServerEnv } | null = null;

export function serverEnv(source: EnvSource = process.env): ServerEnv {
  // Per-request callers (the gateway) pay for a string join, not a schema parse, while nothing changed.
  const key = KEYS.map((name) => source[name] ?? "").join("\0");
  if (last?.key === key) return last.env;
  const picked = Object.fromEntries(KEYS.map((name) => [name, source[name] === "" ? undefined : source[name]]));
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = { ...result.data, HF_ROUTER_URL: result.data.HF_ROUTER_URL.replace(/\/+$/, "") };
  last = { key, env };
  return env;
}
