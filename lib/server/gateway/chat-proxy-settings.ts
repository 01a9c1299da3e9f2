import "server-only";
import { readSettings } from "@/lib/server/config-file/config-store";
import type { ModelSettings } from "@/lib/model-names";

/**
 * Primary, fallbacks and aliases from the OpenClaw config; null when the file is missing,
 * unreadable or malformed (the gateway then knows no default and no aliases, and says so).
 */
export async function readRoutingSettings(): Promise<ModelSettings | null> {
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
