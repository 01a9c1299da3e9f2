import { z } from "zod";

/** A problem with one field of a request body, e.g. `{ path: "fallbacks.1", message: "…" }`. */
export const apiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof apiIssueSchema>;

/** The one error shape of the dashboard's own routes. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(apiIssueSchema).optional(),
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
  | "config_too_large"
  | "token_rejected"
  | "token_from_env"
  | "upstream_unreachable"
  | "upstream_error"
  | "ledger_unavailable"
  | "budget_exceeded"
  | "no_token"
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
  config_too_large: 413,
  token_rejected: 400,
  token_from_env: 409,
  upstream_unreachable: 502,
  upstream_error: 502,
  ledger_unavailable: 503,
  budget_exceeded: 402,
  no_token: 401,
  internal: 500,
};

/**
 * Any error a client may meet: ours, OpenAI's (the gateway's; `code` may be null) or the router's
 * plain `{ "error": "text" }`, in a response body or in a stream event. Odd fields are dropped.
 */
const anyErrorSchema = z.object({
  error: z.union([
    z.string().transform((message) => ({ message, code: null, issues: [] })),
    z.object({
      message: z.string(),
      code: z.string().nullish().catch(null),
      issues: z.array(apiIssueSchema).optional().catch(undefined),
    }),
  ]),
});

/** What a client shows of an error: a message, the code when there is one, field issues (ours only). */
export interface ErrorDetail {
  message: string;
  code: string | null;
  issues: ApiIssue[];
}

/** Reads the `error` of a response body or stream event; `fallback` is the message when there is none. */
export function readApiError(body: unknown, fallback: string): ErrorDetail {
  const parsed = anyErrorSchema.safeParse(body);
  if (!parsed.success) return { message: fallback, code: null, issues: [] };
  const { message, code, issues } = parsed.data.error;
  return { message, code: code ?? null, issues: issues ?? [] };
}
