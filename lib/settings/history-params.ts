import { z } from "zod";

/** The `{id}` of the history routes: a version number. */
export const versionParamsSchema = z.object({ id: z.string().regex(/^[1-9]\d{0,11}$/) });
