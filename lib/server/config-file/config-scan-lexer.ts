/**
 * The JSON5 lexer under config-scan.ts: the grammar the `json5` package reads, one token at a time,
 * with the 1-based line and column of the first error.
 */

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

export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** The JSON5 tokens: whitespace and comments, strings, numbers, identifiers; fails with the position. */
export class Scanner {
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
  primitive(probe: { quote: '"' | "'" | undefined }): boolean {
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

/** The value of a key as written: an identifier (maybe with \\u escapes) or a quoted string. */
export function keyValue(raw: string): string {
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
