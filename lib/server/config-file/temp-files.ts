import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

/** A temp file younger than this may belong to a write still running in another process. */
export const STALE_TEMP_MS = 60_000;

/** `.<name>.<pid>.<8 hex>.tmp` beside `<name>`: the temp file of one atomic write. */
export function tempPathFor(file: string, pid: number, hex: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.${hex}.tmp`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Our temp files for `file` and for its `.bak`, and only those: the pid and hex parts are required. */
function tempPattern(file: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(path.basename(file))}(?:\\.bak)?\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
}

// Temp files this process is writing right now: never stale, whatever their age. On globalThis, since
// Next may load this module once per route bundle and all of them share the process id.
const KEY = Symbol.for("hf-model-picker.temp-files-in-flight");
const inFlight: Set<string> = ((globalThis as { [KEY]?: Set<string> })[KEY] ??= new Set<string>());

/** Marks `temp` as being written; call the returned function when the write is over. */
export function trackTemp(temp: string): () => void {
  inFlight.add(temp);
  return () => inFlight.delete(temp);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temp files that interrupted writes of `file` (or of its `.bak`) left in its folder:
 * those of a process that is gone, of this process but not in flight, or older than a minute.
 * Other files are never touched. Best effort: a failure here never stops a write.
 */
export async function removeStaleTemps(file: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(file);
  const pattern = tempPattern(file);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const full = path.join(dir, name);
    if (inFlight.has(full)) continue;
    const stat = await fs.lstat(full).catch(() => undefined);
    if (!stat?.isFile()) continue;
    const pid = Number(match[1]);
    const stale = pid === process.pid || !isAlive(pid) || now - stat.mtimeMs > STALE_TEMP_MS;
    if (
      stale &&
      (await fs.rm(full).then(
        () => true,
        () => false,
      ))
    )
      removed.push(full);
  }
  return removed;
}
