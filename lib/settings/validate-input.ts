/** The server's own validator, run on every edit so messages show before saving. */
import { validateSettings, type SettingsIssue, type ValidationContext } from "@/lib/settings/settings-validation";
import type { SettingsInput, SettingsState } from "@/lib/settings/settings-types";

/** What the file holds for other providers, which the server checks new settings against too. */
export function validationContextOf(state: SettingsState | undefined): ValidationContext {
  return { externalPrimary: state?.unmanaged?.primary ?? null, externalAliases: state?.unmanaged?.aliases ?? {} };
}

export function validateInput(input: SettingsInput, context?: ValidationContext): SettingsIssue[] {
  return validateSettings(input, context).issues;
}
