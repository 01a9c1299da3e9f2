/** The ledger as CSV (RFC 4180), one recorded request per line. */
import type { UsageRow } from "./usage-types";

export const CSV_COLUMNS = [
  "at",
  "client",
  "requested",
  "ref",
  "provider",
  "status",
  "errorCode",
  "stream",
  "ttftMs",
  "totalMs",
  "promptTokens",
  "completionTokens",
  "tokensEstimated",
  "costUsd",
  "fallbackAttempts",
] as const satisfies readonly (keyof UsageRow)[];

/**
 * One cell. Quoted when it holds a comma, quote or line break; text that a spreadsheet would run
 * as a formula (a model name sent by any API client could start with "=") gets a leading quote.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

export function csvLine(row: UsageRow): string {
  return `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(",")}\r\n`;
}
