/** Prints new JSON5 values in the style of the file they go into (quotes, indentation, commas). */
import type { DocStyle, JsonValue } from "./config-cst";

/** Lines longer than this are broken over several lines, like a formatter would. */
export const MAX_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export interface RenderAt {
  /** Indentation of the line the value starts on. */
  indent: string;
  /** Column where the value starts (to decide whether it fits on one line). */
  column: number;
  /** How many levels of containers to lay out one item per line even when they would fit on one line. */
  expand?: number;
  quote?: '"' | "'";
}

export function quoteString(value: string, quote: '"' | "'"): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  // Same escapes as JSON, with the quote swapped.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

export function renderKey(key: string, style: DocStyle): string {
  return style.unquotedKeys && IDENTIFIER.test(key) ? key : quoteString(key, style.quote);
}

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function renderValue(value: JsonValue, style: DocStyle, at: RenderAt): string {
  if (typeof value === "string") return quoteString(value, at.quote ?? style.quote);
  if (value === null || typeof value !== "object") return JSON.stringify(value);

  const entries: [string | null, JsonValue][] = Array.isArray(value)
    ? value.map((item) => [null, item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;

  const prefix = (key: string | null) => (key === null ? "" : `${renderKey(key, style)}: `);
  const expand = at.expand ?? 0;
  if (expand <= 0) {
    const items = entries.map(([key, item]) => `${prefix(key)}${renderValue(item, style, { ...at, expand: 0 })}`);
    const pad = isPlainObject(value) ? " " : "";
    const inline = `${open}${pad}${items.join(", ")}${pad}${close}`;
    if (at.column + inline.length <= MAX_WIDTH && !inline.includes("\n")) return inline;
  }
  const inner = at.indent + style.unit;
  const lines = entries.map(([key, item]) => {
    const head = prefix(key);
    const text = renderValue(item, style, {
      indent: inner,
      column: inner.length + head.length,
      quote: at.quote,
      expand: expand - 1,
    });
    return `${inner}${head}${text}`;
  });
  const comma = style.trailingComma ? "," : "";
  return `${open}${style.eol}${lines.join(`,${style.eol}`)}${comma}${style.eol}${at.indent}${close}`;
}
