/**
 * A linear JSON5 scanner for config files of any size. It checks the syntax of the whole text (the
 * grammar the `json5` package reads), finds the values the dashboard never reads nor edits (see
 * config-window.ts) and detects the file's style exactly as config-cst.ts does, without building a
 * syntax tree: the tree parser needs over a minute and gigabytes for a 20 MB file. It pauses every
 * chunk, so scanning a big file never holds the event loop for long.
 */
import type { DocStyle } from "./config-cst";
import { keyValue, ScanError, Scanner } from "./config-scan-lexer";
import { StyleProbe } from "./config-scan-style";

export { ScanError };

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
