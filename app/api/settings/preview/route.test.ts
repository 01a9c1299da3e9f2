import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { localRequest, UNREACHABLE_ROUTER, stateDirPerTest } from "@/test/route-fixture";
import { settingsPreviewSchema } from "@/lib/settings/settings-types";
import { POST } from "./route";

const SEED = `{\n  agents: { defaults: { model: "huggingface/deepseek-ai/DeepSeek-R1" } },\n}\n`;

const dirs = stateDirPerTest({ prefix: "preview-route", config: SEED });

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(localRequest("/api/settings/preview", { method: "POST", body, headers }));
}

describe("POST /api/settings/preview", () => {
  it("shows the model facts the save would keep, writing neither the file nor the switch", async () => {
    process.env.HF_ROUTER_URL = UNREACHABLE_ROUTER;
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
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
    await expect(fs.access(dirs.dataDir)).rejects.toThrow();
  });

  it("answers the file before and after, without writing", async () => {
    const res = await post({ primary: "Qwen/Qwen3-8B", fallbacks: [], aliases: { "Qwen/Qwen3-8B": "Qwen" } });
    expect(res.status).toBe(200);
    const preview = settingsPreviewSchema.parse(await res.json());
    expect(preview.before).toBe(SEED);
    expect(preview.after).toContain('model: "huggingface/Qwen/Qwen3-8B"');
    expect(preview.after).toContain('"huggingface/Qwen/Qwen3-8B": { alias: "Qwen" }');
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
  });

  it("answers 400 for invalid settings and 403 for a foreign Origin", async () => {
    const invalid = await post({ primary: null, fallbacks: ["Qwen/Qwen3-8B"], aliases: {} });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues).toEqual([{ path: "fallbacks", message: expect.any(String) }]);
    const foreign = await post({ primary: null, fallbacks: [], aliases: {} }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("answers 422 for a malformed file", async () => {
    await fs.writeFile(dirs.configFile, "{ oops");
    expect((await post({ primary: null, fallbacks: [], aliases: {} })).status).toBe(422);
  });
});
