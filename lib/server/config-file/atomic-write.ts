import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0600: these files hold choices and secrets). */
  mode?: number;
  /** Copy the previous version to `<file>.bak` first. */
  backup?: boolean;
}

/**
 * Writes a file atomically: temp file in the same folder, fsync, rename; creates a missing
 * folder with mode 0700. On any failure the temp file is removed and the old file is untouched.
 */
export async function atomicWrite(file: string, data: string, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o600;
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (options.backup) {
    try {
      await fs.copyFile(file, `${file}.bak`);
      await fs.chmod(`${file}.bak`, mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, "wx", mode);
    await handle.writeFile(data, "utf8");
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
    await fs.chmod(file, mode);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Make the rename itself durable; not every file system allows fsync on a folder.
  const dirHandle = await fs.open(dir, "r").catch(() => undefined);
  await dirHandle?.sync().catch(() => undefined);
  await dirHandle?.close();
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
    default:
      return `Could not write ${file}${code ? ` (${code})` : ""}. Nothing was changed.`;
  }
}
