import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

/** The path is a symbolic link whose target does not exist; nothing is written through it. */
export class DanglingLinkError extends Error {
  constructor(
    readonly link: string,
    readonly target: string,
  ) {
    super(`${link} is a symbolic link to ${target}, which does not exist`);
    this.name = "DanglingLinkError";
  }
}

const MAX_HOPS = 40;

/** Where a chain of symlinks ends (relative targets are read from each link's folder). */
async function chainEnd(link: string): Promise<string> {
  let current = link;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const stat = await fs.lstat(current).catch(() => undefined);
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  return current;
}

/**
 * The real file behind `file` (dotfile managers link the config into a repository): symlinks are
 * followed, relative or absolute, chained or through linked folders, so the link stays a link and
 * its target is what changes. A missing file is created where it is named. A link whose target is
 * missing is refused rather than guessed at: the link may point into a repository that is not
 * checked out, and a file created there would be lost or surprising.
 */
export async function writeTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isSymbolicLink()) throw new DanglingLinkError(file, await chainEnd(file));
    return file;
  }
}
