/** Pure pieces of the onboarding's last step. */
import type { ModelOption } from "@/lib/catalog/model-options";
import type { SettingsInput } from "@/lib/settings/settings-types";

const POLICY_WORD: Record<string, string> = { fastest: "fastest", cheapest: "cheapest", preferred: "preferred" };

/** The alias offered for a model: its existing alias, else its name, with the policy for a variant ("Qwen3 8B (cheapest)"). */
export function suggestedAlias(option: ModelOption | null, existing: Record<string, string>): string {
  if (!option) return "";
  const current = existing[option.value]?.trim();
  if (current) return current;
  const name = option.detail.split(" · ")[0] ?? option.detail;
  const suffix = option.value.includes(":") ? option.value.slice(option.value.lastIndexOf(":") + 1) : "";
  return suffix ? `${name} (${POLICY_WORD[suffix] ?? suffix})` : name;
}

/** The settings to save: the new primary and alias over what the file already has. */
export function onboardingInput(current: SettingsInput, primary: string, alias: string): SettingsInput {
  const aliases = { ...current.aliases };
  if (alias.trim()) aliases[primary] = alias.trim();
  return {
    primary,
    // The primary can't also be a fallback.
    fallbacks: current.fallbacks.filter((ref) => ref !== primary),
    aliases,
  };
}
