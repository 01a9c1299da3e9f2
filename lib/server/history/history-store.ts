import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { versionMetaSchema, type VersionMeta, type VersionSource } from "@/lib/settings/history-types";
import { atomicWrite } from "@/lib/server/config-file/atomic-write";

/**
 * The config history on disk, one folder per config file:
 *   index.json        the versions, oldest first (written atomically: temp file, fsync, rename)
 *   versions/<etag>   each version's exact bytes, named by their hash, so a content kept twice is stored once
 * A crash leaves at worst a version file no index entry names; it is removed at the next write.
 * Folders are 0700 and files 0600: the config is the user's own data.
 */

const indexSchema = z.object({
  format: z.literal(1),
  configPath: z.string(),
  next: z.number().int().min(1),
  versions: z.array(versionMetaSchema),
});
type HistoryIndex = z.infer<typeof indexSchema>;

export interface NewVersion {
  bytes: Buffer;
  /** ETag of the bytes (`"<32 hex>"`), as config-read.ts computes it. */
  etag: string;
  source: VersionSource;
  /** The one-line summary, given the version before it (null for the first). */
  summarise: (previous: VersionMeta | null) => Promise<string>;
  at?: Date;
}

const HASH = /^"([0-9a-f]{32})"$/;

function hashOf(etag: string): string {
  const match = HASH.exec(etag);
  if (!match?.[1]) throw new Error(`not a content ETag: ${etag}`);
  return match[1];
}

export class HistoryStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    readonly configPath: string,
    readonly limit: number,
  ) {}

  private get indexFile(): string {
    return path.join(this.dir, "index.json");
  }

  private blobFile(etag: string): string {
    return path.join(this.dir, "versions", hashOf(etag));
  }

  /** Index mutations one at a time: each reads, changes and rewrites the whole index. */
  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readIndex(): Promise<HistoryIndex> {
    const empty: HistoryIndex = { format: 1, configPath: this.configPath, next: 1, versions: [] };
    let raw: string;
    try {
      raw = await fs.readFile(this.indexFile, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
      throw error;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      // Falls through to "unreadable" below.
    }
    const parsed = indexSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    // Never written torn (atomic rename), so this is a hand edit: keep it aside and start again.
    const aside = `${this.indexFile}.unreadable-${Date.now()}`;
    await fs.rename(this.indexFile, aside).catch(() => undefined);
    console.warn(`[history] ${this.indexFile} could not be read; kept as ${aside}, starting a new history`);
    return empty;
  }

  private async writeIndex(index: HistoryIndex): Promise<void> {
    await atomicWrite(this.indexFile, `${JSON.stringify(index, null, 1)}\n`, { mode: 0o600 });
  }

  /** Version files no entry names (a crash between the two writes, or pruned versions) go. */
  private async removeUnreferenced(index: HistoryIndex): Promise<void> {
    const wanted = new Set(index.versions.map((v) => hashOf(v.etag)));
    const folder = path.join(this.dir, "versions");
    for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
      if (/^[0-9a-f]{32}$/.test(name) && !wanted.has(name)) await fs.rm(path.join(folder, name), { force: true });
    }
  }

  /** Every kept version, newest first. */
  list(): Promise<VersionMeta[]> {
    return this.serialised(async () => (await this.readIndex()).versions.slice().reverse());
  }

  /** The newest version, or null. */
  newest(): Promise<VersionMeta | null> {
    return this.serialised(async () => (await this.readIndex()).versions.at(-1) ?? null);
  }

  /** A version and its exact bytes; null when it is unknown or its file is gone. */
  async get(id: string): Promise<{ meta: VersionMeta; bytes: Buffer } | null> {
    const meta = (await this.list()).find((v) => v.id === id);
    if (!meta) return null;
    const bytes = await this.bytesOf(meta.etag);
    return bytes ? { meta, bytes } : null;
  }

  /** The bytes of a kept content, by its ETag; null when none is kept. */
  async bytesOf(etag: string): Promise<Buffer | null> {
    if (!HASH.test(etag)) return null;
    return fs.readFile(this.blobFile(etag)).catch(() => null);
  }

  /**
   * Appends a version unless `skip` says no, given the newest one (checked inside the queue, so two
   * callers never both append the same change). Drops the oldest past the limit.
   */
  append(version: NewVersion, skip?: (newest: VersionMeta | null) => boolean): Promise<VersionMeta | null> {
    return this.serialised(async () => {
      const index = await this.readIndex();
      if (skip?.(index.versions.at(-1) ?? null)) return null;
      await fs.mkdir(path.join(this.dir, "versions"), { recursive: true, mode: 0o700 });
      const blob = this.blobFile(version.etag);
      const exists = await fs.stat(blob).then(
        (stat) => stat.size === version.bytes.length,
        () => false,
      );
      // The content first, then the entry that names it: a crash in between leaves no dangling entry.
      if (!exists) await atomicWrite(blob, version.bytes, { mode: 0o600 });
      const meta: VersionMeta = {
        id: String(index.next),
        at: (version.at ?? new Date()).toISOString(),
        summary: await version.summarise(index.versions.at(-1) ?? null),
        source: version.source,
        size: version.bytes.length,
        etag: version.etag,
      };
      const versions = [...index.versions, meta].slice(-this.limit);
      const next: HistoryIndex = { ...index, configPath: this.configPath, next: index.next + 1, versions };
      await this.writeIndex(next);
      if (versions.length <= index.versions.length) await this.removeUnreferenced(next);
      return meta;
    });
  }
}
