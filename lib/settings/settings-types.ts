import { z } from "zod";
import { factsReportSchema } from "./facts-types";

/** The models the dashboard owns in the OpenClaw config (README, "The OpenClaw config file"). */
export const modelSettingsSchema = z.object({
  primary: z.string().nullable(),
  fallbacks: z.array(z.string()),
  /** ref -> alias; an empty string or a missing ref removes that alias. */
  aliases: z.record(z.string(), z.string()),
});
export type ModelSettings = z.infer<typeof modelSettingsSchema>;

/**
 * The settings page's on/off switches. Each is a boolean in the state; in a save, absent means
 * unchanged. A new switch is one more key here and in SETTINGS_SWITCHES.
 */
export const settingsSwitchesSchema = z.object({
  /** Keep model facts for OpenClaw in `models.providers.huggingface.models[]` (README, "Model facts for OpenClaw"). */
  modelFacts: z.boolean(),
  /**
   * Route OpenClaw's Hugging Face requests through the dashboard (true) or straight to the router
   * (false): writes `models.providers.huggingface.baseUrl` (README, "Route OpenClaw through the dashboard").
   */
  routeOpenClaw: z.boolean(),
});
export type SettingsSwitches = z.infer<typeof settingsSwitchesSchema>;
export type SettingsSwitch = keyof SettingsSwitches;
export const SETTINGS_SWITCHES = Object.keys(settingsSwitchesSchema.shape) as SettingsSwitch[];

/** `PUT /api/settings` and the preview: the models, and any switch to change. */
export const settingsInputSchema = modelSettingsSchema.extend(settingsSwitchesSchema.partial().shape);
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export const configParseErrorSchema = z.object({
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type ConfigParseError = z.infer<typeof configParseErrorSchema>;

/** Other providers' primary, fallbacks and aliases: the same shape, refs kept as written. */
export const unmanagedSettingsSchema = modelSettingsSchema;
export type UnmanagedSettings = z.infer<typeof unmanagedSettingsSchema>;

export const settingsStateSchema = modelSettingsSchema.extend({
  /** Off when an older server or a hand-made fixture leaves it out. */
  modelFacts: settingsSwitchesSchema.shape.modelFacts.default(false),
  /** OpenClaw's Hugging Face base URL is a dashboard's OpenClaw route. */
  routeOpenClaw: settingsSwitchesSchema.shape.routeOpenClaw.default(false),
  /** That base URL as written, null when OpenClaw uses its built-in router URL. */
  openClawBaseUrl: z.string().nullable().optional(),
  configPath: z.string(),
  /** ETag of the file bytes; send it back as `If-Match` when saving. */
  etag: z.string(),
  /** False when the file does not exist yet (it is created on first save). */
  exists: z.boolean(),
  /** Set when the file cannot be parsed: the dashboard shows it and refuses to write. */
  parseError: configParseErrorSchema.nullable(),
  /**
   * Entries of other providers (refs not starting with `huggingface/`, e.g. `anthropic/claude-opus-4-5`).
   * Saving keeps them as they are: a foreign primary stays unless `primary` is set, foreign
   * fallbacks keep their slots in the list, foreign aliases stay (and new aliases must differ).
   * Always sent by the server; optional so older clients and hand-made fixtures still parse.
   */
  unmanaged: unmanagedSettingsSchema.optional(),
});
export type SettingsState = z.infer<typeof settingsStateSchema>;

/** 409 body: the error plus the file's current state. */
export const settingsConflictSchema = z.object({
  error: z.object({ code: z.literal("conflict"), message: z.string() }),
  current: settingsStateSchema,
});

/** `POST /api/settings/preview`: the file as it would be written, without writing it. */
export const settingsPreviewSchema = z.object({
  before: z.string(),
  after: z.string(),
  /** The model facts this save keeps; null while the switch is off and the dashboard has none in the file. */
  facts: factsReportSchema.nullable().default(null),
});
export type SettingsPreview = z.infer<typeof settingsPreviewSchema>;

export const tokenInputSchema = z.object({ token: z.string() });

/** Where the token comes from: the server's environment wins over `<state dir>/.env`. */
export const tokenSourceSchema = z.enum([
  "env:HUGGINGFACE_HUB_TOKEN",
  "env:HF_TOKEN",
  "file:HUGGINGFACE_HUB_TOKEN",
  "file:HF_TOKEN",
]);
export type TokenSource = z.infer<typeof tokenSourceSchema>;

export const tokenStateSchema = z.object({
  present: z.boolean(),
  source: tokenSourceSchema.nullable(),
  masked: z.string().nullable(),
});
export type TokenState = z.infer<typeof tokenStateSchema>;

/** `PUT /api/token` answer: the new state, and a warning when the router could not check it. */
export const tokenSaveResultSchema = z.object({ token: tokenStateSchema, warning: z.string().optional() });
export type TokenSaveResult = z.infer<typeof tokenSaveResultSchema>;
