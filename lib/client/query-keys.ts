/** Every query key in one place, so invalidations never repeat a literal. */
export const queryKeys = {
  status: ["status"] as const,
  models: ["models"] as const,
  settings: ["settings"] as const,
};
