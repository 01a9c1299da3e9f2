/**
 * A linear JSON5 scanner for config files of any size. It checks the syntax of the whole text (the
 * grammar the `json5` package reads), finds the values the dashboard never reads nor edits (see
 * config-window.ts) and detects the file's style exactly as config-cst.ts does, without building a
 * syntax tree: the tree parser needs over a minute and gigabytes for a 20 MB file. It pauses every
 * chunk, so scanning a big file never holds the event loop for long.
 */
import { DEFAULT_STYLE, type DocStyle } from "./config-cst";

/** What the dashboard does with a value: walk into it (objects only), keep it as text, or leave it out. */
export type Role = "expand" | "keep" | "opaque";

export interface ScanOptions {
  /** The role of the value at `path` (object keys from the root); asked only below expanded objects. */
  roleOf: (path: readonly string[]) => Role;
  /** Characters scanned between two pauses. */
  chunk?: number;
  /** How to pause; default: let the event loop run (setImmediate). */
  pause?: () => Promise<void>;
}

export interface ConfigScan {
  /** Ranges [from, to) of the values whose role is "opaque", in document order. */
  opaque: [number, number][];
  style: DocStyle;
  /** False when the root value is not an object (then the file is not a config). */
  rootObject: boolean;
}

/** The text is not valid JSON5; line and column are 1-based, as the json5 package reports them. */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "ScanError";
  }
}

export const DEFAULT_CHUNK = 256 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Inside a kept or left-out value nothing is tracked but the syntax.
type FrameRole = "expand" | "inside";

interface Frame {
  object: boolean;
  open: number;
  role: FrameRole;
  path: string[];
  /** Start of this container when it is a left-out value, else -1. */
  opaqueFrom: number;
  firstItem: number;
  lastEnd: number;
  commaAfterLast: boolean;
  key: string;
}

const WHITESPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0xfeff, 0x2028, 0x2029]);
const SPACE_SEPARATOR = /\p{Zs}/u;
const ID_START = /[\p{ID_Start}$_]/u;
const ID_CONTINUE = /[\p{ID_Continue}$\u200c\u200d]/u;
const HEX = /^[0-9a-fA-F]$/;

function isWhitespace(code: number): boolean {
  return WHITESPACE.has(code) || (code > 0x7f && SPACE_SEPARATOR.test(String.fromCharCode(code)));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

function indentOf(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, pos), pos))?.[0] ?? "";
}

function startsLineAt(text: string, pos: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, pos), pos));
}

/** Style facts gathered while scanning; the first container in document order decides, like config-cst.ts. */
class StyleProbe {
  unitAt = Infinity;
  unit: string | undefined;
  commaAt = Infinity;
  trailingComma: boolean | undefined;
  anyKey = false;
  identifierKey = false;
  quote: '"' | "'" | undefined;

  constructor(private readonly text: string) {}

  closed(frame: Frame, close: number): void {
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

class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  fail(at = this.pos): never {
    const { text } = this;
    const line = (text.slice(0, at).match(/\n/g)?.length ?? 0) + 1;
    const column = at - lineStartOf(text, at) + 1;
    if (at >= text.length) throw new ScanError("invalid end of input", line, column);
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
    const shown = JSON.stringify(char).slice(1, -1).replace(/'/g, "\\'");
    throw new ScanError(`invalid character '${shown}'`, line, column);
  }

  code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  /** Skips whitespace and comments. */
  skip(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x2f) {
        const next = text.charCodeAt(this.pos + 1);
        if (next === 0x2f) {
          let at = this.pos + 2;
          while (at < text.length && !isLineTerminator(text.charCodeAt(at))) at++;
          this.pos = at;
        } else if (next === 0x2a) {
          const end = text.indexOf("*/", this.pos + 2);
          if (end < 0) this.fail(text.length);
          this.pos = end + 2;
        } else this.fail(this.pos + 1);
      } else if (c === c && isWhitespace(c)) this.pos++;
      else return;
    }
  }

  hex(count: number): void {
    for (let i = 0; i < count; i++) {
      if (!HEX.test(this.text[this.pos] ?? "")) this.fail();
      this.pos++;
    }
  }

  string(): void {
    const { text } = this;
    const quote = text.charCodeAt(this.pos++);
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c !== c) this.fail();
      if (c === quote) {
        this.pos++;
        return;
      }
      if (c === 0x0a || c === 0x0d) this.fail();
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      const e = text.charCodeAt(++this.pos);
      if (e !== e) this.fail();
      if (e === 0x78) {
        this.pos++;
        this.hex(2);
      } else if (e === 0x75) {
        this.pos++;
        this.hex(4);
      } else if (e === 0x30) {
        this.pos++;
        if (isDigit(this.code())) this.fail();
      } else if (isDigit(e)) this.fail();
      else if (e === 0x0d && text.charCodeAt(this.pos + 1) === 0x0a) this.pos += 2;
      else this.pos++;
    }
  }

  /** An IdentifierName (object key or literal); returns its text with escapes kept. */
  identifier(): string {
    const { text } = this;
    const from = this.pos;
    for (let first = true; ; first = false) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x5c) {
        if (text.charCodeAt(this.pos + 1) !== 0x75) this.fail(this.pos + 1);
        this.pos += 2;
        this.hex(4);
        continue;
      }
      const point = text.codePointAt(this.pos);
      if (point === undefined) break;
      const char = String.fromCodePoint(point);
      const ascii = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x24 || c === 0x5f;
      if (ascii || (!first && isDigit(c)) || (c > 0x7f && (first ? ID_START : ID_CONTINUE).test(char))) {
        this.pos += char.length;
      } else break;
    }
    if (this.pos === from) this.fail();
    return text.slice(from, this.pos);
  }

  digits(): number {
    const from = this.pos;
    while (isDigit(this.code())) this.pos++;
    return this.pos - from;
  }

  number(): void {
    const c0 = this.code();
    if (c0 === 0x2b || c0 === 0x2d) this.pos++;
    const c = this.code();
    if (c === 0x49 || c === 0x4e) {
      const word = this.identifier();
      if (word !== "Infinity" && word !== "NaN") this.fail(this.pos - word.length);
      return;
    }
    if (c === 0x30 && (this.code(this.pos + 1) | 0x20) === 0x78) {
      this.pos += 2;
      if (!HEX.test(this.text[this.pos] ?? "")) this.fail();
      while (HEX.test(this.text[this.pos] ?? "")) this.pos++;
      return;
    }
    let intDigits = 0;
    if (c === 0x30) {
      this.pos++;
      intDigits = 1;
      if (isDigit(this.code())) this.fail();
    } else intDigits = this.digits();
    let fraction = 0;
    if (this.code() === 0x2e) {
      this.pos++;
      fraction = this.digits();
    }
    if (intDigits === 0 && fraction === 0) this.fail();
    if ((this.code() | 0x20) === 0x65) {
      this.pos++;
      const sign = this.code();
      if (sign === 0x2b || sign === 0x2d) this.pos++;
      if (this.digits() === 0) this.fail();
    }
  }

  /** A primitive value; returns false when the text at pos does not start one. */
  primitive(probe: StyleProbe): boolean {
    const c = this.code();
    if (c === 0x22 || c === 0x27) {
      probe.quote ??= c === 0x27 ? "'" : '"';
      this.string();
    } else if (isDigit(c) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x49 || c === 0x4e) {
      this.number();
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const from = this.pos;
      const word = this.identifier();
      if (word !== "true" && word !== "false" && word !== "null") this.fail(from);
    } else return false;
    return true;
  }
}

function roleBelow(frame: Frame | undefined, key: string, roleOf: ScanOptions["roleOf"]): Role | "inside" {
  if (!frame) return "expand";
  if (frame.role !== "expand") return "inside";
  return frame.object ? roleOf([...frame.path, key]) : "keep";
}

/** Scans `text` (a whole config file); throws ScanError at the first syntax error. */
export async function scanConfig(text: string, options: ScanOptions): Promise<ConfigScan> {
  const s = new Scanner(text);
  const probe = new StyleProbe(text);
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  const pause = options.pause ?? nextTurn;
  const opaque: [number, number][] = [];
  const stack: Frame[] = [];
  let nextPause = chunk;
  s.skip();
  const rootObject = s.code() === 0x7b;

  // Each turn reads one value, then the commas and closing brackets after it.
  for (;;) {
    if (s.pos >= nextPause) {
      await pause();
      nextPause = s.pos + chunk;
    }
    s.skip();
    const parent = stack.at(-1);
    if (parent) {
      if (parent.object) {
        // A key, or the end of the object (also after a trailing comma).
        if (s.code() === 0x7d) {
          closeContainer();
          if (afterValue()) break;
          continue;
        }
        const keyFrom = s.pos;
        if (parent.firstItem < 0) parent.firstItem = keyFrom;
        probe.anyKey = true;
        let raw: string;
        if (s.code() === 0x22 || s.code() === 0x27) {
          probe.quote ??= s.code() === 0x27 ? "'" : '"';
          s.string();
          raw = text.slice(keyFrom, s.pos);
        } else {
          probe.identifierKey = true;
          raw = s.identifier();
        }
        // Key values matter only where the dashboard looks; elsewhere the syntax check is enough.
        const key = parent.role === "expand" ? keyValue(raw) : "";
        s.skip();
        if (s.code() !== 0x3a) s.fail();
        s.pos++;
        s.skip();
        parent.key = key;
      } else if (s.code() === 0x5d) {
        closeContainer();
        if (afterValue()) break;
        continue;
      } else if (parent.firstItem < 0) parent.firstItem = s.pos;
    }
    const role = roleBelow(parent, parent?.key ?? "", options.roleOf);
    const from = s.pos;
    const c = s.code();
    if (c === 0x7b || c === 0x5b) {
      const object = c === 0x7b;
      const expand = role === "expand" && object;
      s.pos++;
      stack.push({
        object,
        open: from,
        role: expand ? "expand" : "inside",
        path: expand && parent ? [...parent.path, parent.key] : [],
        opaqueFrom: role === "opaque" || (role === "expand" && !object) ? from : -1,
        firstItem: -1,
        lastEnd: -1,
        commaAfterLast: false,
        key: "",
      });
      continue;
    }
    if (!s.primitive(probe)) s.fail();
    if (role === "opaque" || (role === "expand" && parent)) opaque.push([from, s.pos]);
    if (afterValue()) break;
  }
  s.skip();
  if (s.pos < text.length) s.fail();
  return { opaque, style: probe.style(), rootObject };

  function closeContainer(): void {
    const frame = stack.pop() as Frame;
    probe.closed(frame, s.pos);
    s.pos++;
    if (frame.opaqueFrom >= 0) opaque.push([frame.opaqueFrom, s.pos]);
  }

  /** After a value: the comma or the closing brackets; true when the root value is complete. */
  function afterValue(): boolean {
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) return true;
      frame.lastEnd = s.pos;
      frame.commaAfterLast = false;
      s.skip();
      const c = s.code();
      if (c === 0x2c) {
        s.pos++;
        frame.commaAfterLast = true;
        return false;
      }
      if (c === (frame.object ? 0x7d : 0x5d)) {
        closeContainer();
        continue;
      }
      return s.fail();
    }
  }
}

/** The value of a key as written: an identifier (maybe with \\u escapes) or a quoted string. */
function keyValue(raw: string): string {
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const body = quoted ? raw.slice(1, -1) : raw;
  if (!body.includes("\\")) return body;
  return body.replace(
    /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(\r\n|[\r\n\u2028\u2029])|(.))/gs,
    (_m, x, u, nl, c) => {
      if (x) return String.fromCharCode(parseInt(x as string, 16));
      if (u) return String.fromCharCode(parseInt(u as string, 16));
      if (nl) return "";
      const simple: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0" };
      return simple[c as string] ?? (c as string);
    },
  );
}
