import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { atomicWrite, type WriteStep } from "./atomic-write";
import { decodeText } from "./config-read";
import { removeStaleTemps, STALE_TEMP_MS } from "./temp-files";
import { DanglingLinkError } from "./write-target";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "atomic-write-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = (file: string) => fs.readFile(file, "utf8").catch(() => null);
const STEPS: WriteStep[] = ["backup-written", "backup-renamed", "temp-written", "renamed"];

describe("atomicWrite through symlinks (dotfile managers)", () => {
  async function dotfiles(): Promise<{ real: string; link: string }> {
    await fs.mkdir(path.join(dir, "dotfiles"));
    await fs.mkdir(path.join(dir, "state"));
    const real = path.join(dir, "dotfiles", "openclaw.json5");
    await fs.writeFile(real, "{ old: 1 }");
    return { real, link: path.join(dir, "state", "openclaw.json") };
  }

  it("keeps a relative link a link, writes its target and keeps .bak beside the target", async () => {
    const { real, link } = await dotfiles();
    await fs.symlink("../dotfiles/openclaw.json5", link);
    await atomicWrite(link, "{ new: 1 }", { backup: true });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe("../dotfiles/openclaw.json5");
    expect(await read(real)).toBe("{ new: 1 }");
    expect(await read(`${real}.bak`)).toBe("{ old: 1 }");
    expect(await fs.readdir(path.join(dir, "state"))).toEqual(["openclaw.json"]);
    expect((await fs.stat(real)).mode & 0o777).toBe(0o600);
  });

  it("follows a link to a link (absolute targets) to the real file", async () => {
    const { real, link } = await dotfiles();
    const middle = path.join(dir, "middle.json");
    await fs.symlink(real, middle);
    await fs.symlink(middle, link);
    await atomicWrite(link, "{ new: 2 }", { backup: true });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(middle)).isSymbolicLink()).toBe(true);
    expect(await read(real)).toBe("{ new: 2 }");
    expect(await read(`${real}.bak`)).toBe("{ old: 1 }");
  });

  it("refuses a dangling link and writes nothing", async () => {
    const { link } = await dotfiles();
    const missing = path.join(dir, "dotfiles", "gone.json5");
    await fs.symlink(missing, link);
    const error = await atomicWrite(link, "{}", { backup: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DanglingLinkError);
    expect(error).toMatchObject({ target: missing });
    expect(await read(missing)).toBeNull();
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });
});

describe("atomicWrite stopped between steps (a crash at each point)", () => {
  it.each(STEPS)("leaves the file and .bak whole after a stop at %s, and the next write cleans up", async (stop) => {
    const file = path.join(dir, "openclaw.json");
    await atomicWrite(file, "version 1");
    await atomicWrite(file, "version 2", { backup: true });
    const crash = new Error("simulated crash");
    const error = await atomicWrite(file, "version 3", {
      backup: true,
      afterStep: (step) => {
        if (step === stop) throw crash;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(crash);
    // Each file is one whole version, old or new: never empty, never partial.
    expect(["version 2", "version 3"]).toContain(await read(file));
    expect(["version 1", "version 2"]).toContain(await read(`${file}.bak`));
    expect((await fs.readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await atomicWrite(file, "version 4", { backup: true });
    expect(await read(file)).toBe("version 4");
    // The version the stopped write left in place is now the previous one.
    expect(await read(`${file}.bak`)).toBe(stop === "renamed" ? "version 3" : "version 2");
  });

  it("writes .bak through a temp file and a rename, never in place", async () => {
    const file = path.join(dir, "openclaw.json");
    await atomicWrite(file, "version 1");
    await atomicWrite(file, "version 2", { backup: true });
    const bakInode = (await fs.stat(`${file}.bak`)).ino;
    const seen: string[] = [];
    await atomicWrite(file, "version 3", {
      backup: true,
      afterStep: async (step) => {
        if (step === "backup-written") seen.push(...(await fs.readdir(dir)).filter((n) => n.endsWith(".tmp")));
      },
    });
    expect(seen).toEqual([expect.stringMatching(/^\.openclaw\.json\.bak\.\d+\.[0-9a-f]{8}\.tmp$/)]);
    expect((await fs.stat(`${file}.bak`)).ino).not.toBe(bakInode);
    expect(await read(`${file}.bak`)).toBe("version 2");
  });
});

describe("removeStaleTemps", () => {
  it("removes only our temp files of dead writers, of this process, or older than a minute", async () => {
    const file = path.join(dir, "openclaw.json");
    await fs.writeFile(file, "{}");
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    const live = process.ppid;
    const names = {
      dead: `.openclaw.json.${deadPid}.0a1b2c3d.tmp`,
      deadBak: `.openclaw.json.bak.${deadPid}.0a1b2c3d.tmp`,
      ours: `.openclaw.json.${process.pid}.deadbeef.tmp`,
      liveYoung: `.openclaw.json.${live}.12345678.tmp`,
      liveOld: `.openclaw.json.${live}.87654321.tmp`,
      userTmp: `.openclaw.json.tmp`,
      userNotes: `.openclaw.json.${deadPid}.notes.tmp`,
      otherFile: `.other.json.${deadPid}.0a1b2c3d.tmp`,
      userUpper: `.openclaw.json.${deadPid}.0A1B2C3D.tmp`,
    };
    for (const name of Object.values(names)) await fs.writeFile(path.join(dir, name), "x");
    const old = new Date(Date.now() - STALE_TEMP_MS - 5_000);
    await fs.utimes(path.join(dir, names.liveOld), old, old);
    await removeStaleTemps(file);
    const left = await fs.readdir(dir);
    for (const gone of [names.dead, names.deadBak, names.ours, names.liveOld]) expect(left).not.toContain(gone);
    for (const kept of [
      names.liveYoung,
      names.userTmp,
      names.userNotes,
      names.otherFile,
      names.userUpper,
      "openclaw.json",
    ])
      expect(left).toContain(kept);
  });

  it("runs before each write", async () => {
    const file = path.join(dir, "openclaw.json");
    const leftover = path.join(dir, `.openclaw.json.${2 ** 22 + 1}.00000000.tmp`);
    await fs.writeFile(leftover, "half a fi");
    await atomicWrite(file, "{}");
    expect(await read(leftover)).toBeNull();
  });
});

describe("big texts, a chunk at a time", () => {
  it("writes and reads back characters that straddle a chunk boundary", async () => {
    const file = path.join(dir, "big.json");
    const mib = 1024 * 1024;
    const text = `${"a".repeat(mib - 1)}😀${"é".repeat(mib)}深`;
    await atomicWrite(file, text);
    const bytes = await fs.readFile(file);
    expect(bytes.equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(await decodeText(bytes)).toBe(text);
  });
});
