import "server-only";
import { ERROR_STATUS, type ApiError, type ApiIssue, type ErrorCode } from "@/lib/api-error";

/** The one error type of the dashboard's own routes: a code, a message safe to show, maybe field issues. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toResponse(headers?: HeadersInit): Response {
    const body: ApiError & Record<string, unknown> = {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
      ...this.extra,
    };
    return Response.json(body, { status: this.status, headers });
  }
}

/** Turns anything thrown in a route into a response; the unexpected is logged, never shown raw. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error(`[${where}] unexpected error`, error);
  return new AppError("internal", "Something went wrong on the dashboard server; see its log.").toResponse();
}
