import { z } from "zod";

/** The one error shape of the dashboard's own routes. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ErrorCode =
  | "bad_request"
  | "validation"
  | "invalid_ref"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_required"
  | "config_invalid"
  | "config_unwritable"
  | "token_rejected"
  | "token_from_env"
  | "upstream_unreachable"
  | "upstream_error"
  | "internal";

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  invalid_ref: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_required: 428,
  config_invalid: 422,
  config_unwritable: 507,
  token_rejected: 400,
  token_from_env: 409,
  upstream_unreachable: 502,
  upstream_error: 502,
  internal: 500,
};

/** Reads a response's error message in our shape or OpenAI's, for display. */
export function errorMessageOf(body: unknown, fallback: string): string {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) return parsed.data.error.message;
  const openai = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
  return openai.success ? openai.data.error.message : fallback;
}
