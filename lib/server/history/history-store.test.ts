import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { etagOf } from "@/lib/server/config-file/config-read";
import { HistoryStore } from "./history-store";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "history-store-"));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function version(text: string) {
  const bytes = Buffer.from(text);
  return { bytes, etag: await etagOf(bytes), source: "save" as const, summarise: async () => text };
}

describe("HistoryStore", () => {
  it("stores a content once however often it is kept, and gives its exact bytes back", async () => {
    const store = new HistoryStore(dir, "/x/openclaw.json", 20);
    const a = await version("a\u00e9\r\n");
    await store.append(a);
    await store.append(await version("b"));
    await store.append(a);
    expect((await store.list()).map((v) => v.id)).toEqual(["3", "2", "1"]);
    expect(await fs.readdir(path.join(dir, "versions"))).toHaveLength(2);
    expect((await store.get("3"))?.bytes.equals(a.bytes)).toBe(true);
  });

  it("appends nothing when skip says so, deciding inside the queue", async () => {
    const store = new HistoryStore(dir, "/x/openclaw.json", 20);
    const a = await version("a");
    const same = (newest: { etag: string } | null) => newest?.etag === a.etag;
    await Promise.all([store.append(a, same), store.append(a, same), store.append(a, same)]);
    expect(await store.list()).toHaveLength(1);
  });

  it("removes a version file no entry names (a crash between the two writes) at the next prune", async () => {
    const store = new HistoryStore(dir, "/x/openclaw.json", 20);
    await store.append(await version("kept"));
    await fs.writeFile(path.join(dir, "versions", "0".repeat(32)), "orphan");
    for (let i = 0; i < 20; i++) await store.append(await version(`v${i}`));
    expect(await fs.readdir(path.join(dir, "versions"))).not.toContain("0".repeat(32));
    expect(await store.list()).toHaveLength(20);
  });

  it("keeps an unreadable index aside and starts again", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "index.json"), "{ torn");
    const store = new HistoryStore(dir, "/x/openclaw.json", 20);
    expect(await store.list()).toEqual([]);
    await store.append(await version("a"));
    expect(await store.list()).toHaveLength(1);
    expect((await fs.readdir(dir)).some((name) => name.startsWith("index.json.unreadable-"))).toBe(true);
  });
});
