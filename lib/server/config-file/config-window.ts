/**
 * The dashboard's window on a config file: the text with every value it never reads nor edits
 * replaced by a short placeholder. Edits and checks run on the window (a few kilobytes even when the
 * file has 20 MB of other settings), and the placeholders are then put back byte for byte. Whatever
 * the size of the file, each step is linear and pauses between chunks (config-scan.ts).
 */
import { randomBytes } from "node:crypto";
import JSON5 from "json5";
import type { DocStyle } from "./config-cst";
import { scanConfig, type Role, type ScanOptions } from "./config-scan";

/** The values the dashboard reads or edits; everything else stays out of the window. */
export function roleOf(path: readonly string[]): Role {
  const [first, second, third, fourth, fifth] = path;
  if (first === "agents") {
    if (path.length === 1) return "expand";
    if (second !== "defaults") return "opaque";
    if (path.length === 2) return "expand";
    if (third === "model") return "keep";
    if (third === "models") {
      if (path.length <= 4) return "expand";
      return fifth === "alias" ? "keep" : "opaque";
    }
    if (third === "modelPolicy") return path.length === 3 ? "expand" : fourth === "allow" ? "keep" : "opaque";
    return "opaque";
  }
  if (first === "models") {
    if (path.length === 1) return "expand";
    if (second !== "providers") return "opaque";
    if (path.length === 2) return "expand";
    return third === "huggingface" ? "keep" : "opaque";
  }
  return "opaque";
}

export interface ConfigWindow {
  /** The window text: the file with placeholders for the values left out. */
  text: string;
  /** The file's own style (the window alone could suggest another). */
  style: DocStyle;
  /** The text each placeholder stands for, by its number. */
  slices: string[];
  marker: string;
  rootObject: boolean;
}

type WindowOptions = Pick<ScanOptions, "chunk" | "pause">;

function placeholder(marker: string, index: number): string {
  return `"${marker}${index}"`;
}

function newMarker(text: string): string {
  for (;;) {
    const marker = `@hf-model-picker:${randomBytes(6).toString("hex")}:`;
    if (!text.includes(marker)) return marker;
  }
}

/** Scans `text` and builds its window; throws ScanError when the text is not JSON5. */
export async function openWindow(
  text: string,
  options: WindowOptions = {},
  marker = newMarker(text),
): Promise<ConfigWindow> {
  const scan = await scanConfig(text, { roleOf, ...options });
  const parts: string[] = [];
  const slices: string[] = [];
  let at = 0;
  for (const [from, to] of scan.opaque) {
    parts.push(text.slice(at, from), placeholder(marker, slices.length));
    slices.push(text.slice(from, to));
    at = to;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), style: scan.style, slices, marker, rootObject: scan.rootObject };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function placeholderPattern(marker: string): RegExp {
  return new RegExp(`"${escapeRegExp(marker)}(\\d+)"`, "g");
}

/** The placeholders' numbers in `text`, in order. */
function placeholdersIn(window: ConfigWindow, text: string): number[] {
  return [...text.matchAll(placeholderPattern(window.marker))].map((match) => Number(match[1]));
}

/** The reading of the window: the dashboard's keys, with the values left out dropped. */
export function readWindow(window: ConfigWindow): unknown {
  const exact = new RegExp(`^${escapeRegExp(window.marker)}\\d+$`);
  return JSON5.parse(window.text, (_key, value: unknown) =>
    typeof value === "string" && exact.test(value) ? undefined : value,
  );
}

/**
 * The whole file for an edited window: each placeholder replaced by its text. An edit may drop a
 * placeholder (a value it replaced) but never repeat or reorder one; then this throws.
 */
export function closeWindow(window: ConfigWindow, edited: string): string {
  let last = -1;
  return edited.replace(placeholderPattern(window.marker), (_match, digits: string) => {
    const index = Number(digits);
    const slice = window.slices[index];
    if (slice === undefined || index <= last) throw new Error("config edit repeated or moved a value it does not own");
    last = index;
    return slice;
  });
}

/**
 * Scans the file about to be written and checks that its window is exactly the edited window and
 * every value left out is back unchanged: a linear check of the whole result.
 */
export async function checkClosed(
  window: ConfigWindow,
  edited: string,
  result: string,
  options: WindowOptions = {},
): Promise<void> {
  const survivors = placeholdersIn(window, edited);
  const again = await openWindow(result, options, window.marker);
  const renumbered = again.text.replace(placeholderPattern(window.marker), (_match, digits: string) =>
    placeholder(window.marker, survivors[Number(digits)] ?? -1),
  );
  const same =
    again.slices.length === survivors.length &&
    again.slices.every((slice, i) => slice === window.slices[survivors[i] as number]) &&
    renumbered === edited;
  if (!same) throw new Error("config edit changed a value outside the dashboard's keys");
}
