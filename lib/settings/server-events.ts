import { z } from "zod";
import { settingsStateSchema } from "./settings-types";

/** `GET /api/events`, event `config`: the config file changed on disk. */
export const configEventSchema = z.object({
  etag: z.string(),
  /** The settings the file holds now, as `GET /api/settings` would answer. */
  settings: settingsStateSchema,
});
export type ConfigEvent = z.infer<typeof configEventSchema>;
