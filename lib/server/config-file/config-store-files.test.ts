import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateSettings } from "@/lib/settings/settings-validation";
import { applySettings } from "./config-apply";
import { readSettings, writeSettings } from "./config-store";
import { AppError } from "@/lib/server/http/errors";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const SEED = `{\n  // mine\n  agents: { defaults: { model: { primary: "${R1}" } } },\n}\n`;

let dir: string;
let file: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "config-files-"));
  file = path.join(dir, "state", "openclaw.json");
  await fs.mkdir(path.dirname(file));
  process.env.OPENCLAW_STATE_DIR = path.dirname(file);
  process.env.OPENCLAW_CONFIG_PATH = file;
});
afterEach(async () => {
  process.env = { ...saved };
  await fs.rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a symlinked config (stow, chezmoi, home-manager)", () => {
  it("reads and writes through the link: the link stays, the target changes, .bak sits beside it", async () => {
    const real = path.join(dir, "dotfiles", "openclaw.json5");
    await fs.mkdir(path.dirname(real));
    await fs.writeFile(real, SEED);
    await fs.symlink(path.relative(path.dirname(file), real), file);
    const before = await readSettings();
    expect(before.primary).toBe(R1);
    const state = await writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, before.etag);
    expect(state.primary).toBe(QWEN);
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, "utf8")).toContain(QWEN);
    expect(await fs.readFile(`${real}.bak`, "utf8")).toBe(SEED);
    // The ETag is the target's: an edit made to the target directly is a conflict.
    await fs.writeFile(real, SEED.replace("mine", "edited in the dotfiles repo"));
    expect((await failure(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, state.etag))).code).toBe(
      "conflict",
    );
  });

  it("refuses to save through a dangling link, with the target named, and creates nothing", async () => {
    const missing = path.join(dir, "dotfiles", "openclaw.json5");
    await fs.symlink(missing, file);
    const state = await readSettings();
    expect(state.exists).toBe(false);
    const error = await failure(writeSettings({ primary: R1, fallbacks: [], aliases: {} }, state.etag));
    expect(error).toMatchObject({
      code: "config_unwritable",
      message: expect.stringContaining(`symbolic link to ${missing}`),
    });
    await expect(fs.stat(missing)).rejects.toThrow();
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
  });
});

describe("size", () => {
  it("refuses a config over CONFIG_MAX_BYTES with 413 config_too_large and writes nothing", async () => {
    process.env.CONFIG_MAX_BYTES = "4096";
    const big = SEED.replace("// mine", `// ${"x".repeat(5000)}`);
    await fs.writeFile(file, big);
    const state = await readSettings();
    expect(state.parseError?.message).toMatch(/too large.*CONFIG_MAX_BYTES/);
    const error = await failure(writeSettings({ primary: QWEN, fallbacks: [], aliases: {} }, state.etag));
    expect(error).toMatchObject({ code: "config_too_large", status: 413 });
    expect(await fs.readFile(file, "utf8")).toBe(big);
  });

  it("refuses an edit that would take the file over the limit", async () => {
    process.env.CONFIG_MAX_BYTES = "4096";
    const near = SEED.replace("// mine", `// ${"x".repeat(4096 - SEED.length - 10)}`);
    await fs.writeFile(file, near);
    const state = await readSettings();
    expect(state.parseError).toBeNull();
    const aliases = { [QWEN]: "a long alias name for the qwen model" };
    const error = await failure(writeSettings({ primary: QWEN, fallbacks: [R1], aliases }, state.etag));
    expect(error.code).toBe("config_too_large");
    expect(await fs.readFile(file, "utf8")).toBe(near);
  });

  it("saves a multi-megabyte config in slices: no single stretch holds the event loop for long", async () => {
    const entries = Array.from(
      { length: 30_000 },
      (_, i) => `      { id: "org${i}/model-${i}", name: "Model ${i}", contextWindow: 131072 }, // ${i}`,
    );
    const tail = `  models: { providers: { other: { models: [\n${entries.join("\n")}\n  ] } } },\n}\n`;
    const big = SEED.replace(/\}\n$/, tail);
    await fs.writeFile(file, big);
    let longest = 0;
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const state = await readSettings();
    await writeSettings({ primary: QWEN, fallbacks: [R1], aliases: { [QWEN]: "Qwen" } }, state.etag);
    const total = performance.now() - started;
    running = false;
    // The same edit as on the small file alone; the 2 MB around it are copied as they were.
    const small = applySettings(
      SEED,
      validateSettings({ primary: QWEN, fallbacks: [R1], aliases: { [QWEN]: "Qwen" } }).settings,
    );
    expect(await fs.readFile(file, "utf8")).toBe(small.replace(/\}\n$/, tail));
    // Measured as a share of the whole save, so a slow or busy machine scales both sides alike.
    expect(longest / total).toBeLessThan(0.25);
  }, 60_000);
});

describe("temp files of interrupted writes", () => {
  it("are removed at the first read, and the user's own files are not", async () => {
    await fs.writeFile(file, SEED);
    const leftover = path.join(dir, "state", `.openclaw.json.${2 ** 22 + 7}.0123abcd.tmp`);
    const users = path.join(dir, "state", ".openclaw.json.my-notes.tmp");
    await fs.writeFile(leftover, "{ half");
    await fs.writeFile(users, "mine");
    await readSettings();
    await expect(fs.stat(leftover)).rejects.toThrow();
    expect(await fs.readFile(users, "utf8")).toBe("mine");
  });
});
