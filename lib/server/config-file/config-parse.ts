import JSON5 from "json5";
import type { ConfigParseError } from "@/lib/settings/settings-types";

/**
 * Parses the config as OpenClaw does (the `json5` package). A blank file counts as an empty
 * config; anything else that is not a JSON5 object is a parse error with its position.
 */
export function parseConfigText(text: string): { data: unknown | null; parseError: ConfigParseError | null } {
  if (text.trim() === "") return { data: {}, parseError: null };
  let data: unknown;
  try {
    data = JSON5.parse(text);
  } catch (error) {
    const { lineNumber, columnNumber } = error as { lineNumber?: number; columnNumber?: number };
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/^JSON5: /, "")
      .replace(/ at \d+:\d+$/, "");
    return { data: null, parseError: { message, line: lineNumber, column: columnNumber } };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { data: null, parseError: { message: "The config must be a JSON5 object: { … }", line: 1, column: 1 } };
  }
  return { data, parseError: null };
}
