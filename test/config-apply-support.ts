/** What the config-apply tests share: the fixture configs and the settings of a text. */
import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { expect } from "vitest";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { validateSettings, type NormalisedSettings } from "@/lib/settings/settings-validation";

export const FIXTURES = path.resolve(import.meta.dirname, "fixtures/configs");
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
export const HF = (id: string) => `huggingface/${id}`;

export function settingsOf(text: string): NormalisedSettings {
  const { primary, fallbacks, aliases } = settingsFromConfig(JSON5.parse(text));
  return { primary, fallbacks, aliases };
}

export function desired(
  input: { primary: string | null; fallbacks: string[]; aliases: Record<string, string> },
  text = "{}",
): NormalisedSettings {
  const state = settingsFromConfig(JSON5.parse(text));
  const result = validateSettings(input, {
    externalPrimary: state.unmanaged.primary,
    externalAliases: state.unmanaged.aliases,
  });
  expect(result.issues).toEqual([]);
  return result.settings;
}
