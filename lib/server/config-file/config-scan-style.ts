/**
 * The file's style (line ends, indent unit, quotes, key quoting, trailing commas), gathered while
 * config-scan.ts walks the file, decided exactly as config-cst.ts decides it from a syntax tree.
 */
import { DEFAULT_STYLE, type DocStyle } from "./config-cst";
import { lineStartOf } from "./config-scan-lexer";

/** What the probe needs of a container the scanner just closed. */
export interface ClosedContainer {
  /** Position of its `{` or `[`. */
  open: number;
  /** Start of its first item, or -1 when empty. */
  firstItem: number;
  /** End of its last item. */
  lastEnd: number;
  commaAfterLast: boolean;
}

function indentOf(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, pos), pos))?.[0] ?? "";
}

function startsLineAt(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, pos), pos));
}

/** Style facts gathered while scanning; the first container in document order decides, like config-cst.ts. */
export class StyleProbe {
  unitAt = Infinity;
  unit: string | undefined;
  commaAt = Infinity;
  trailingComma: boolean | undefined;
  anyKey = false;
  identifierKey = false;
  quote: '"' | "'" | undefined;

  constructor(private readonly text: string) {}

  closed(frame: ClosedContainer, close: number): void {
    if (frame.firstItem < 0) return;
    // Only the gap after the last item is looked at: a minified file must not be searched back to its start.
    let multiline = false;
    for (let at = frame.lastEnd; at < close && !multiline; at++) multiline = this.text.charCodeAt(at) === 0x0a;
    if (!multiline) return;
    if (frame.open < this.commaAt) {
      this.commaAt = frame.open;
      this.trailingComma = frame.commaAfterLast;
    }
    if (frame.open < this.unitAt && startsLineAt(this.text, frame.firstItem)) {
      const outer = indentOf(this.text, frame.open);
      const inner = indentOf(this.text, frame.firstItem);
      if (inner.startsWith(outer) && inner.length > outer.length) {
        this.unitAt = frame.open;
        this.unit = inner.slice(outer.length);
      }
    }
  }

  style(): DocStyle {
    const unquotedKeys = !this.anyKey || this.identifierKey;
    return {
      eol: this.text.includes("\r\n") ? "\r\n" : "\n",
      unit: this.unit ?? DEFAULT_STYLE.unit,
      quote: this.quote ?? '"',
      unquotedKeys,
      trailingComma: this.trailingComma ?? unquotedKeys,
    };
  }
}
