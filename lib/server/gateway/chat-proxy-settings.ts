import "server-only";
import { fileMemo } from "@/lib/server/cache/file-memo";
import { configGeneration } from "@/lib/server/config-file/config-generation";
import { readSettings } from "@/lib/server/config-file/config-store";
import { configPath } from "@/lib/server/paths";
import type { ModelSettings } from "@/lib/model-names";

async function loadRoutingSettings(): Promise<ModelSettings | null> {
  try {
    const state = await readSettings();
    if (state.parseError) return null;
    return { primary: state.primary, fallbacks: state.fallbacks, aliases: state.aliases };
  } catch (error) {
    console.warn(
      "[gateway] could not read the config; no default model or aliases:",
      error instanceof Error ? error.message : error,
    );
    return null;
  }
}

// Read and parsed once per version of the config file, not per request (docs/ARCHITECTURE.md,
// "A proxied chat"): the check is a stat.
const memo = fileMemo({
  files: () => [configPath()],
  key: () => String(configGeneration()),
  load: loadRoutingSettings,
});

/**
 * Primary, fallbacks and aliases from the OpenClaw config; null when the file is missing,
 * unreadable or malformed (the gateway then knows no default and no aliases, and says so).
 */
export function readRoutingSettings(): Promise<ModelSettings | null> {
  return memo.get();
}

/** readRoutingSettings() without a promise once they are loaded (the chat route's hot path). */
export function routingSettingsNow(): ModelSettings | null | Promise<ModelSettings | null> {
  return memo.peek();
}
