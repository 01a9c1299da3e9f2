import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settingsPreviewSchema } from "@/lib/settings/settings-types";
import { POST } from "./route";

const URL_ = "http://127.0.0.1:3000/api/settings/preview";
const SEED = `{\n  agents: { defaults: { model: "huggingface/deepseek-ai/DeepSeek-R1" } },\n}\n`;

let dir: string;
let file: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "preview-route-"));
  file = path.join(dir, "openclaw.json");
  process.env.OPENCLAW_CONFIG_PATH = file;
  await fs.writeFile(file, SEED);
});
afterEach(async () => {
  process.env = { ...saved };
  await fs.rm(dir, { recursive: true, force: true });
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

describe("POST /api/settings/preview", () => {
  it("shows the model facts the save would keep, writing neither the file nor the switch", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    process.env.HF_PICKER_DATA_DIR = path.join(dir, "data");
    const res = await post({
      primary: "huggingface/deepseek-ai/DeepSeek-R1",
      fallbacks: [],
      aliases: {},
      modelFacts: true,
    });
    const preview = settingsPreviewSchema.parse(await res.json());
    expect(preview.after).toContain('name: "DeepSeek R1"');
    expect(preview.facts).toMatchObject({
      enabled: true,
      entries: [{ id: "deepseek-ai/DeepSeek-R1", status: "added" }],
    });
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
    await expect(fs.access(path.join(dir, "data"))).rejects.toThrow();
  });

  it("answers the file before and after, without writing", async () => {
    const res = await post({ primary: "Qwen/Qwen3-8B", fallbacks: [], aliases: { "Qwen/Qwen3-8B": "Qwen" } });
    expect(res.status).toBe(200);
    const preview = settingsPreviewSchema.parse(await res.json());
    expect(preview.before).toBe(SEED);
    expect(preview.after).toContain('model: "huggingface/Qwen/Qwen3-8B"');
    expect(preview.after).toContain('"huggingface/Qwen/Qwen3-8B": { alias: "Qwen" }');
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
  });

  it("answers 400 for invalid settings and 403 for a foreign Origin", async () => {
    const invalid = await post({ primary: null, fallbacks: ["Qwen/Qwen3-8B"], aliases: {} });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues).toEqual([{ path: "fallbacks", message: expect.any(String) }]);
    const foreign = await post({ primary: null, fallbacks: [], aliases: {} }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("answers 422 for a malformed file", async () => {
    await fs.writeFile(file, "{ oops");
    expect((await post({ primary: null, fallbacks: [], aliases: {} })).status).toBe(422);
  });
});
