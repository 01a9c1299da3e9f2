import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ABSENT_ETAG, previewSettings, readConfigSnapshot, readSettings, writeSettings } from "./config-store";
import { AppError } from "@/lib/server/http/errors";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const SEED = `{
  // mine
  agents: {
    defaults: {
      model: { primary: "${R1}" },
    },
  },
}
`;

let dir: string;
let file: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "config-store-"));
  file = path.join(dir, "state", "openclaw.json");
  process.env.OPENCLAW_STATE_DIR = path.join(dir, "state");
  process.env.OPENCLAW_CONFIG_PATH = file;
});
afterEach(async () => {
  process.env = { ...saved };
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function seed(text = SEED): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  // Read as the settings page does, so the history has this version before any write.
  return (await readSettings({ keepVersion: true })).etag;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readConfigSnapshot / readSettings", () => {
  it("reports a missing file with a fixed ETag", async () => {
    expect(await readConfigSnapshot()).toEqual({
      path: file,
      exists: false,
      etag: ABSENT_ETAG,
      data: null,
      parseError: null,
    });
    expect(await readSettings()).toMatchObject({
      configPath: file,
      exists: false,
      primary: null,
      fallbacks: [],
      aliases: {},
    });
  });

  it("parses JSON5 and gives an ETag of the bytes", async () => {
    const etag = await seed();
    const snapshot = await readConfigSnapshot();
    expect(snapshot.data).toEqual({ agents: { defaults: { model: { primary: R1 } } } });
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    await fs.writeFile(file, SEED.replace("mine", "yours"));
    expect((await readSettings()).etag).not.toBe(etag);
  });

  it("reports a malformed file with line and column", async () => {
    await seed("{\n  agents: {,\n}");
    const state = await readSettings();
    expect(state.parseError).toEqual({ message: "invalid character ','", line: 2, column: 12 });
    expect(state.primary).toBeNull();
  });
});

describe("writeSettings", () => {
  it("creates a missing folder (0700) and file (0600)", async () => {
    const state = await writeSettings({ primary: "deepseek-ai/DeepSeek-R1", fallbacks: [], aliases: {} }, ABSENT_ETAG);
    expect(state).toMatchObject({ exists: true, primary: R1, parseError: null });
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await expect(fs.access(`${file}.bak`)).rejects.toThrow();
  });

  it("writes, keeps the previous version as .bak and returns the re-read state", async () => {
    const etag = await seed();
    const state = await writeSettings({ primary: R1, fallbacks: [QWEN], aliases: { [QWEN]: "Qwen" } }, etag);
    expect(state).toMatchObject({ primary: R1, fallbacks: [QWEN], aliases: { [QWEN]: "Qwen" } });
    expect(state.etag).not.toBe(etag);
    expect(await fs.readFile(`${file}.bak`, "utf8")).toBe(SEED);
    expect(await fs.readFile(file, "utf8")).toContain("// mine");
  });

  it("does not touch the file when nothing changed", async () => {
    const etag = await seed();
    const state = await writeSettings({ primary: R1, fallbacks: [], aliases: {} }, etag);
    expect(state.etag).toBe(etag);
    await expect(fs.access(`${file}.bak`)).rejects.toThrow();
  });

  it("answers 409 with the current state when the file changed, writing nothing", async () => {
    const etag = await seed();
    const edited = SEED.replace(R1, QWEN);
    await fs.writeFile(file, edited);
    const error = await appErrorOf(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, etag));
    expect(error.code).toBe("conflict");
    expect(error.extra?.current).toMatchObject({ primary: QWEN });
    expect(await fs.readFile(file, "utf8")).toBe(edited);
  });

  it("accepts weak, unquoted and * If-Match values", async () => {
    const etag = await seed();
    await writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, `W/${etag}`);
    const next = (await readSettings()).etag;
    await writeSettings({ primary: R1, fallbacks: [], aliases: {} }, next.replace(/"/g, ""));
    await writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, "*");
    expect((await readSettings()).primary).toBe(QWEN);
  });

  it("serialises writes: of two saves from the same ETag one wins and one gets 409", async () => {
    const etag = await seed();
    const results = await Promise.allSettled([
      writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, etag),
      writeSettings({ primary: "huggingface/zai-org/GLM-4.7", fallbacks: [], aliases: {} }, etag),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect((await readSettings()).primary).toBe(QWEN);
  });

  it("refuses a malformed file with 422 and leaves it alone", async () => {
    const etag = await seed("{ agents: ");
    const error = await appErrorOf(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, etag));
    expect(error.code).toBe("config_invalid");
    expect(error.message).toContain("line 1");
    expect(await fs.readFile(file, "utf8")).toBe("{ agents: ");
  });

  it("refuses a config whose agents is not an object with 422", async () => {
    const etag = await seed('{ agents: "none" }');
    const error = await appErrorOf(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, etag));
    expect(error).toMatchObject({
      code: "config_invalid",
      message: expect.stringContaining("agents is not an object"),
    });
  });

  it("answers 400 with field issues for invalid settings", async () => {
    const etag = await seed();
    const error = await appErrorOf(writeSettings({ primary: R1, fallbacks: [R1], aliases: {} }, etag));
    expect(error.code).toBe("validation");
    expect(error.issues).toEqual([{ path: "fallbacks.0", message: `${R1} is already the primary model` }]);
  });

  it("answers 507 when the folder cannot be created (its parent is a regular file)", async () => {
    const blocker = path.join(dir, "not-a-folder");
    await fs.writeFile(blocker, "");
    process.env.OPENCLAW_CONFIG_PATH = path.join(blocker, "openclaw.json");
    const error = await appErrorOf(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, ABSENT_ETAG));
    expect(error).toMatchObject({ code: "config_unwritable", message: expect.stringContaining("Nothing was changed") });
  });

  it("answers 507 on a full disk and keeps the old file (fs mocked)", async () => {
    const etag = await seed();
    vi.spyOn(fs, "rename").mockRejectedValueOnce(Object.assign(new Error("no space left"), { code: "ENOSPC" }));
    const error = await appErrorOf(writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, etag));
    expect(error).toMatchObject({ code: "config_unwritable", message: expect.stringContaining("The disk is full") });
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)("answers 507 in a read-only folder", async () => {
    const etag = await seed();
    await fs.chmod(path.dirname(file), 0o500);
    try {
      const error = await appErrorOf(writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, etag));
      expect(error.code).toBe("config_unwritable");
    } finally {
      await fs.chmod(path.dirname(file), 0o700);
    }
  });
});

describe("previewSettings", () => {
  it("returns the file before and after without writing", async () => {
    await seed();
    const preview = await previewSettings({ primary: R1, fallbacks: ["Qwen/Qwen3-8B"], aliases: {} });
    expect(preview.before).toBe(SEED);
    expect(preview.after).toContain(`fallbacks: ["${QWEN}"]`);
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
  });

  it("previews a new file as created from nothing", async () => {
    const preview = await previewSettings({ primary: R1, fallbacks: [], aliases: {} });
    expect(preview.before).toBe("");
    expect(preview.after).toContain(`model: { primary: "${R1}" }`);
  });
});
