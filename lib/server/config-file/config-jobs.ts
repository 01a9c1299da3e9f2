import "server-only";
import type { DesiredSettings } from "./config-apply";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { compactLineDiff, type DiffRow } from "@/lib/line-diff";
import type { ConfigParseError } from "@/lib/settings/settings-types";
import type { FactsRecord } from "@/lib/server/model-facts/facts-memory";
import { planFactsStep, type FactsStep } from "@/lib/server/model-facts/facts-step";
import { decodeText, etagOf, parseConfig } from "./config-read";
import { edited } from "./config-file-edit";
import { asBuffer, encodeShared } from "./shared-bytes";

/**
 * The steps that cost CPU in proportion to the whole config file (hash, decode, scan, edit, verify,
 * search, diff), as jobs with plain inputs and outputs: config-worker-client.ts runs them on the
 * config worker thread for a big file, so a 20 MB save never holds the event loop that answers
 * other requests, and in this thread for a small one, where the hop would cost more than the job.
 */

/** What a read needs from the bytes of the file: their ETag and the dashboard's keys (or the parse error). */
export interface Inspected {
  etag: string;
  data: unknown | null;
  parseError: ConfigParseError | null;
}

export async function inspectJob(input: { bytes: Uint8Array }): Promise<Inspected> {
  const bytes = asBuffer(input.bytes);
  const { data, parseError } = await parseConfig(await decodeText(bytes));
  return { etag: await etagOf(bytes), data, parseError };
}

export interface EditInput {
  /** The config path, for messages. */
  path: string;
  /** The file as read. */
  bytes: Uint8Array;
  settings: DesiredSettings;
  facts: { record: FactsRecord; wanted: boolean | undefined; catalog: CatalogResponse | null };
  /** `CONFIG_MAX_BYTES` (the worker's copy of the environment may be older than this thread's). */
  limit: number;
  /** Also return the text before and after (the preview). */
  texts?: boolean;
}

export interface EditOutput {
  /** What to write, and its ETag; null when the save changes nothing. */
  after: { bytes: Uint8Array; etag: string } | null;
  facts: FactsStep | null;
  texts?: { before: string; after: string };
}

/** The edit of a save or a preview (config-store-edit.ts), verified, as the bytes to write. */
export async function editJob(input: EditInput): Promise<EditOutput> {
  const text = await decodeText(asBuffer(input.bytes));
  const { window } = await parseConfig(text);
  const { record, wanted, catalog } = input.facts;
  const result = await edited(
    { path: input.path, text, window },
    input.settings,
    (windowText, style) => planFactsStep(windowText, style, input.settings, record, wanted, catalog),
    input.limit,
  );
  const texts = input.texts ? { before: text, after: result.text } : undefined;
  if (result.text === text) return { after: null, facts: result.facts, texts };
  // In shared memory: the write, the history and the read-back on the other thread take it without a copy.
  const bytes = encodeShared(result.text);
  return { after: { bytes, etag: await etagOf(bytes) }, facts: result.facts, texts };
}

// Real HF tokens are `hf_` and 34 letters or digits.
const TOKEN_LIKE = /\bhf_[A-Za-z0-9]{30,}\b/;

/** True when the bytes hold `token` (the one in use) or anything shaped like an HF token. */
export async function tokenJob(input: { bytes: Uint8Array; token: string | null }): Promise<boolean> {
  const text = await decodeText(asBuffer(input.bytes));
  if (TOKEN_LIKE.test(text)) return true;
  return input.token !== null && input.token.length >= 8 && text.includes(input.token);
}

/** The text of a kept version, and its line diff from the file now when both are at most `limit` bytes. */
export async function versionTextJob(input: {
  version: Uint8Array;
  current: Uint8Array;
  limit: number;
}): Promise<{ text: string; diff: DiffRow[] | null }> {
  const text = await decodeText(asBuffer(input.version));
  if (input.version.length > input.limit || input.current.length > input.limit) return { text, diff: null };
  return { text, diff: compactLineDiff(await decodeText(asBuffer(input.current)), text, 3) };
}

export const JOBS = {
  inspect: inspectJob,
  edit: editJob,
  token: tokenJob,
  versionText: versionTextJob,
};

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;
