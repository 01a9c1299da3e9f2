/** Every query key in one place, so invalidations never repeat a literal. */
export const queryKeys = {
  status: ["status"] as const,
  models: ["models"] as const,
  settings: ["settings"] as const,
  /** Under the settings key: a save or a reload of the file refreshes the check too. */
  chainCheck: ["settings", "check"] as const,
  usage: ["usage"] as const,
  measured: ["measured"] as const,
  /** Under the settings key: whatever refreshes the settings refreshes the history too. */
  settingsHistory: ["settings", "history"] as const,
};
