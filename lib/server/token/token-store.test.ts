import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { maskToken, parseDotEnv, removeTokenFromEnvFile, resolveToken, saveTokenToEnvFile } from "./token-store";

let dir: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "token-test-"));
  env = { OPENCLAW_STATE_DIR: dir };
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("resolveToken", () => {
  it("prefers HUGGINGFACE_HUB_TOKEN over HF_TOKEN, and the environment over the .env file", async () => {
    await fs.writeFile(path.join(dir, ".env"), "HUGGINGFACE_HUB_TOKEN=hf_file_hub_aaaa\nHF_TOKEN=hf_file_plain_bbbb\n");
    expect(
      await resolveToken({ ...env, HF_TOKEN: "hf_env_plain_cccc", HUGGINGFACE_HUB_TOKEN: "hf_env_hub_dddd" }),
    ).toEqual({
      value: "hf_env_hub_dddd",
      source: "env:HUGGINGFACE_HUB_TOKEN",
    });
    expect(await resolveToken({ ...env, HF_TOKEN: "hf_env_plain_cccc" })).toEqual({
      value: "hf_env_plain_cccc",
      source: "env:HF_TOKEN",
    });
    expect(await resolveToken(env)).toEqual({ value: "hf_file_hub_aaaa", source: "file:HUGGINGFACE_HUB_TOKEN" });
  });

  it("reads HF_TOKEN from the file, ignores blanks, and returns null with nothing set", async () => {
    expect(await resolveToken({ ...env, HF_TOKEN: "  " })).toBeNull();
    await fs.writeFile(path.join(dir, ".env"), "# comment\nexport HF_TOKEN='hf_quoted_eeee'\n");
    expect(await resolveToken(env)).toEqual({ value: "hf_quoted_eeee", source: "file:HF_TOKEN" });
  });
});

describe(".env file", () => {
  it("parses common dotenv forms", () => {
    const values = parseDotEnv('A=1\nexport B = "two words"\nC=3 # note\n#D=4\nbad line\n');
    expect(Object.fromEntries(values)).toEqual({ A: "1", B: "two words", C: "3" });
  });

  it("saves HF_TOKEN with mode 0600, keeping other lines and replacing old token lines", async () => {
    const file = path.join(dir, ".env");
    await fs.writeFile(file, "OPENAI_API_KEY=sk-other\nHUGGINGFACE_HUB_TOKEN=hf_old_ffff\n# keep me\n");
    await saveTokenToEnvFile("hf_new_token_gggg", env);
    expect(await fs.readFile(file, "utf8")).toBe("OPENAI_API_KEY=sk-other\n# keep me\nHF_TOKEN=hf_new_token_gggg\n");
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await removeTokenFromEnvFile(env)).toBe(true);
    expect(await fs.readFile(file, "utf8")).toBe("OPENAI_API_KEY=sk-other\n# keep me\n");
    expect(await removeTokenFromEnvFile(env)).toBe(false);
  });

  it("creates a missing state folder", async () => {
    const nested = { OPENCLAW_STATE_DIR: path.join(dir, "new", "state") };
    await saveTokenToEnvFile("hf_created_hhhh", nested);
    expect(await resolveToken(nested)).toMatchObject({ source: "file:HF_TOKEN" });
  });
});

describe("maskToken", () => {
  it("shows only the start and the last four characters", () => {
    expect(maskToken("hf_abcdefghijklmnopx7Qz")).toBe("hf_…x7Qz");
    expect(maskToken("short")).toBe("…");
  });
});
