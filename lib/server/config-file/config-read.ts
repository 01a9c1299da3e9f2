import "server-only";
import { createHash } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import type { ConfigParseError } from "@/lib/settings/settings-types";
import { serverEnv } from "@/lib/server/env";
import { parseConfigText } from "./config-parse";
import { ScanError } from "./config-scan";
import { openWindow, readWindow, type ConfigWindow } from "./config-window";

/** Up to this size the json5 package's own message is shown for a syntax error (it stops at the error). */
const EXACT_MESSAGE_LIMIT = 1024 * 1024;
const HASH_CHUNK = 1024 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The largest config the dashboard reads or edits (`CONFIG_MAX_BYTES`, default 50 MB). */
export function configMaxBytes(): number {
  return serverEnv().CONFIG_MAX_BYTES;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** ETag of the file bytes, hashed a chunk per event-loop turn. */
export async function etagOf(bytes: Buffer): Promise<string> {
  const hash = createHash("sha256");
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    if (at > 0) await nextTurn();
    hash.update(bytes.subarray(at, at + HASH_CHUNK));
  }
  return `"${hash.digest("hex").slice(0, 32)}"`;
}

/** The bytes as UTF-8 text, decoded a chunk per event-loop turn (a character split between chunks is kept whole). */
export async function decodeText(bytes: Buffer): Promise<string> {
  if (bytes.length <= HASH_CHUNK) return bytes.toString("utf8");
  const decoder = new StringDecoder("utf8");
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    if (at > 0) await nextTurn();
    parts.push(decoder.write(bytes.subarray(at, at + HASH_CHUNK)));
  }
  parts.push(decoder.end());
  return parts.join("");
}

export interface ParsedConfig {
  /** The dashboard's keys of the config (see config-window.ts); null when the file is malformed. */
  data: unknown | null;
  parseError: ConfigParseError | null;
  /** The window edits run on; null for a blank file, or one the scanner could not read. */
  window: ConfigWindow | null;
}

const NOT_AN_OBJECT: ConfigParseError = { message: "The config must be a JSON5 object: { … }", line: 1, column: 1 };

/**
 * Reads a config text as OpenClaw does, in time linear in its size and without holding the event
 * loop: the scanner checks the whole syntax, the json5 package reads the dashboard's keys.
 */
export async function parseConfig(text: string): Promise<ParsedConfig> {
  if (text.trim() === "") return { data: {}, parseError: null, window: null };
  const exact = (): ParsedConfig => ({ ...parseConfigText(text), window: null });
  let window: ConfigWindow;
  try {
    window = await openWindow(text);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    // A small file gets json5's exact message (and is read by json5 if the scanner was stricter).
    if (text.length <= EXACT_MESSAGE_LIMIT) return exact();
    return { data: null, parseError: { message: error.message, line: error.line, column: error.column }, window: null };
  }
  if (!window.rootObject) return { data: null, parseError: NOT_AN_OBJECT, window: null };
  try {
    return { data: readWindow(window), parseError: null, window };
  } catch {
    if (text.length <= EXACT_MESSAGE_LIMIT) return exact();
    return { data: null, parseError: { message: "The config is not valid JSON5" }, window: null };
  }
}
