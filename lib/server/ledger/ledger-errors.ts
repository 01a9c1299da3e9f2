import "server-only";

/** Thrown by reads when the ledger cannot be opened or read; its message is safe to show. */
export class LedgerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerUnavailableError";
  }
}

export type LedgerProblem = "locked" | "corrupt" | "full" | "readonly" | "newer" | "other";

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** Which kind of trouble an error from libsql or the file system is. */
export function classify(error: unknown): LedgerProblem {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "locked";
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "corrupt";
  if (code === "SQLITE_FULL" || code === "ENOSPC") return "full";
  if (code.startsWith("SQLITE_READONLY") || ["EACCES", "EPERM", "EROFS"].includes(code)) return "readonly";
  if (message.includes("newer than this dashboard knows")) return "newer";
  return "other";
}

/**
 * A sentence for the status API and the usage page. It names the file and what to do; the raw
 * driver text stays in the server log.
 */
export function describeProblem(problem: LedgerProblem, file: string, error: unknown): string {
  switch (problem) {
    case "locked":
      return `The usage database ${file} is locked by another program; requests wait in memory and are written once it is free.`;
    case "corrupt":
      return `The usage database ${file} is damaged (not a readable SQLite file). Move it away (or delete it) to start a new ledger; until then requests are not recorded.`;
    case "full":
      return `The disk holding the usage database ${file} is full; requests are not recorded until there is space.`;
    case "readonly":
      return `The usage database ${file} cannot be written (read-only file or folder, or no permission); requests are not recorded.`;
    case "newer":
      return error instanceof Error ? error.message : String(error);
    case "other": {
      const code = codeOf(error);
      return `The usage database ${file} could not be used${code ? ` (${code})` : ""}; see the server log.`;
    }
  }
}
