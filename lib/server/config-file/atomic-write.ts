import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { removeStaleTemps, tempPathFor, trackTemp } from "./temp-files";
import { writeTarget } from "./write-target";
import { noteFileChanged } from "@/lib/server/cache/file-watch";

/** The points between the steps of a write; a crash at any of them leaves every file whole. */
export type WriteStep = "backup-written" | "backup-renamed" | "temp-written" | "renamed";

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0600: these files hold choices and secrets). */
  mode?: number;
  /** Keep the previous version as `<file>.bak`, itself written atomically. */
  backup?: boolean;
  /** Called after each step; tests throw here to stop a write between two steps, as a crash would. */
  afterStep?: (step: WriteStep) => void | Promise<void>;
}

async function syncFolder(dir: string): Promise<void> {
  // Makes a rename durable; not every file system allows fsync on a folder.
  const handle = await fs.open(dir, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
}

const WRITE_CHUNK = 1024 * 1024;

/** Writes a big text a chunk at a time, so encoding 20 MB never holds the event loop at once. */
async function writeInChunks(handle: fs.FileHandle, data: string | Buffer): Promise<void> {
  if (typeof data !== "string" || data.length <= WRITE_CHUNK) {
    await handle.writeFile(data);
    return;
  }
  for (let at = 0; at < data.length;) {
    let end = Math.min(at + WRITE_CHUNK, data.length);
    // Never split a surrogate pair: each half alone would be written as U+FFFD.
    const last = data.charCodeAt(end - 1);
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
    await handle.write(data.slice(at, end), null, "utf8");
    at = end;
  }
}

/**
 * Temp file beside `file`, written (`data`, or a copy of the file `{ copyOf }`) and synced, then
 * renamed over it: `file` is old or new, never partial.
 */
async function replaceFile(
  file: string,
  data: string | Buffer | { copyOf: string },
  mode: number,
  written: () => void | Promise<void>,
): Promise<void> {
  const temp = tempPathFor(file, process.pid, randomBytes(4).toString("hex"));
  const done = trackTemp(temp);
  let handle: fs.FileHandle | undefined;
  try {
    const copyOf = typeof data === "object" && "copyOf" in data ? data.copyOf : null;
    // A copy is made by the file system (no 20 MB buffer in this process); it fails if the temp exists, as "wx".
    if (copyOf !== null) await fs.copyFile(copyOf, temp, fs.constants.COPYFILE_EXCL);
    handle = await fs.open(temp, copyOf !== null ? "r+" : "wx", mode);
    if (copyOf === null) await writeInChunks(handle, data as string | Buffer);
    // The umask may have narrowed the mode; set it before the file is visible under its name.
    await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await written();
    await fs.rename(temp, file);
    // Caches of this file (fileMemo) must not wait for the watcher's event to see the new bytes.
    noteFileChanged(file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    done();
  }
}

/**
 * Writes a file atomically (README "Reliability and security"): a temp file in the folder of the
 * real file (a symlinked path stays a symlink; its target is written), fsync, rename, fsync of the
 * folder. With `backup`, the previous version first goes to `<real file>.bak` the same way, so a
 * crash between any two steps leaves both whole. Creates a missing folder with mode 0700; removes
 * temp files that interrupted writes left behind. Throws DanglingLinkError for a broken symlink.
 */
export async function atomicWrite(
  file: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const mode = options.mode ?? 0o600;
  const step = async (name: WriteStep) => options.afterStep?.(name);
  const target = await writeTarget(file);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await removeStaleTemps(target);
  if (options.backup && (await exists(target))) {
    await replaceFile(`${target}.bak`, { copyOf: target }, mode, () => step("backup-written"));
    await syncFolder(dir);
    await step("backup-renamed");
  }
  await replaceFile(target, data, mode, () => step("temp-written"));
  await step("renamed");
  await syncFolder(dir);
}

/** A short, user-facing reason for a file-system error, without the raw text. */
export function describeFsError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOSPC":
      return `The disk is full: could not write ${file}. Nothing was changed.`;
    case "EDQUOT":
      return `The disk quota is exceeded: could not write ${file}. Nothing was changed.`;
    case "EACCES":
    case "EPERM":
      return `Permission denied writing ${file}. Nothing was changed.`;
    case "EROFS":
      return `${file} is on a read-only file system. Nothing was changed.`;
    case "ENOTDIR":
    case "EISDIR":
      return `${file} is not a writable file path. Nothing was changed.`;
    case "ELOOP":
      return `${file} is a symbolic link that loops (or too many links in a row). Nothing was changed.`;
    default:
      return `Could not write ${file}${code ? ` (${code})` : ""}. Nothing was changed.`;
  }
}
