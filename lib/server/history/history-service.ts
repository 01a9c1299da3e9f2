import "server-only";
import type { HistoryList, RestoreResult, VersionDetail } from "@/lib/settings/history-types";
import { runConfigJob } from "@/lib/server/config-file/config-worker-client";
import { keepNoticed, readConfigSnapshot, restoreConfig } from "@/lib/server/config-file/config-store";
import { AppError } from "@/lib/server/http/errors";
import { historyStore } from "./config-history";

/** What the history routes do (README, "Config history"). */

/** Past this size a version is shown without a line diff: comparing it would hold the server too long. */
const DIFF_LIMIT_BYTES = 5 * 1024 * 1024;

/** `GET /api/settings/history`: the kept versions, newest first, the file on disk noticed first. */
export async function listHistory(): Promise<HistoryList> {
  const snapshot = await readConfigSnapshot();
  await keepNoticed(snapshot);
  const store = historyStore();
  const versions = await store.list();
  const newest = versions[0];
  return {
    configPath: snapshot.path,
    versions,
    current: newest && newest.etag === snapshot.etag ? newest.id : null,
    limit: store.limit,
  };
}

async function versionOf(id: string) {
  const version = await historyStore().get(id);
  if (!version) throw new AppError("not_found", `Version ${id} is not in the history (it may have been pruned).`);
  return version;
}

/** `GET /api/settings/history/{id}`: its text, and what restoring it would change in the file now. */
export async function versionDetail(id: string): Promise<VersionDetail> {
  const { meta, bytes } = await versionOf(id);
  const snapshot = await readConfigSnapshot();
  const current = snapshot.bytes ?? Buffer.alloc(0);
  // Decoding and diffing run on the config worker when either file is big (config-jobs.ts).
  const input = { version: bytes, current, limit: DIFF_LIMIT_BYTES };
  const { text, diff } = await runConfigJob("versionText", input, Math.max(bytes.length, current.length));
  return { version: meta, text, currentEtag: snapshot.etag, diff };
}

/** `POST /api/settings/history/{id}/restore`: that version's exact bytes back, with a save's checks. */
export async function restoreVersion(id: string, ifMatch: string): Promise<RestoreResult> {
  const { bytes } = await versionOf(id);
  return restoreConfig(bytes, `Version ${id}`, ifMatch);
}
