import { z } from "zod";
import { settingsStateSchema } from "./settings-types";

/** How a version of the config file came to be. */
export const versionSourceSchema = z.enum(["save", "restore", "outside"]);
export type VersionSource = z.infer<typeof versionSourceSchema>;

/** One kept version of the config file (README, "Config history"). */
export const versionMetaSchema = z.object({
  /** Increasing number, never reused. */
  id: z.string(),
  /** When the dashboard saved or noticed it (ISO 8601). */
  at: z.string(),
  /** One line: what changed against the version before it. */
  summary: z.string(),
  source: versionSourceSchema,
  /** Bytes. */
  size: z.number(),
  /** The file's ETag in that version (the same as `GET /api/settings` gave for it). */
  etag: z.string(),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

/** `GET /api/settings/history`: newest first; `current` is the id of the version on disk now, if kept. */
export const historyListSchema = z.object({
  configPath: z.string(),
  versions: z.array(versionMetaSchema),
  current: z.string().nullable(),
  /** How many versions are kept (`CONFIG_HISTORY_VERSIONS`). */
  limit: z.number(),
});
export type HistoryList = z.infer<typeof historyListSchema>;

export const diffRowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("same"), text: z.string(), oldNo: z.number(), newNo: z.number() }),
  z.object({ kind: z.literal("del"), text: z.string(), oldNo: z.number() }),
  z.object({ kind: z.literal("add"), text: z.string(), newNo: z.number() }),
  z.object({ kind: z.literal("skip"), count: z.number() }),
]);

/** `GET /api/settings/history/{id}`. */
export const versionDetailSchema = z.object({
  version: versionMetaSchema,
  text: z.string(),
  /** ETag of the file on disk now; send it as `If-Match` to restore. */
  currentEtag: z.string(),
  /**
   * The current file (−) against this version (+): what restoring it would change. Null when the
   * two are too different (or too big) to compare line by line.
   */
  diff: z.array(diffRowSchema).nullable(),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

/** `POST /api/settings/history/{id}/restore`: the settings as the restored file has them. */
export const restoreResultSchema = z.object({ state: settingsStateSchema, version: versionMetaSchema.nullable() });
export type RestoreResult = z.infer<typeof restoreResultSchema>;
