import "server-only";
import { usageQuerySchema, type UsageQuery } from "@/lib/usage/usage-query";
import { AppError } from "@/lib/server/http/errors";
import { LedgerUnavailableError } from "./ledger-errors";

/** The query string of the usage routes; a bad value is a 400 naming the parameter. */
export function parseUsageQuery(url: string): UsageQuery {
  const params = Object.fromEntries(new URL(url).searchParams);
  const result = usageQuerySchema.safeParse(params);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = issues[0];
    throw new AppError(
      "bad_request",
      first ? `Invalid query: ${first.path || "query"} ${first.message}.` : "Invalid query.",
      issues,
    );
  }
  return result.data;
}

/** Runs a ledger read or write; a ledger that cannot be used is a 503 with the reason (file, what to do). */
export function withLedger<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof LedgerUnavailableError ? new AppError("ledger_unavailable", error.message) : error;
  }
}
