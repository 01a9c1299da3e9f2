import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSON5 from "json5";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { builtinOnlyCatalog, fakeRouterCatalog } from "@/test/fixtures/fake-catalog";
import { factsMemoryFile } from "@/lib/server/model-facts/facts-memory";
import { previewSettings, readSettings, writeSettings } from "./config-store";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const R1_CHEAP = `${R1}:cheapest`;
const QWEN = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.7";

// The user's own entry and comments in the provider block must survive every save.
const SEED = `// mine
{
  models: {
    providers: {
      huggingface: {
        baseUrl: "https://router.huggingface.co/v1", // keep
        models: [
          // my own name for GLM
          { id: "zai-org/GLM-4.7", name: "My GLM", contextWindow: 100000 },
        ],
      },
    },
  },
  agents: {
    defaults: {
      model: { primary: "${R1}", fallbacks: ["${R1_CHEAP}"] },
      models: {
        "${R1_CHEAP}": {},
        "${QWEN}": { alias: "Qwen" }, // aliased, so in use
      },
    },
  },
}
`;
const IN_FILE = { primary: R1, fallbacks: [R1_CHEAP], aliases: { [QWEN]: "Qwen" } };

let dir: string;
let file: string;
const saved = { ...process.env };
const live = async (): Promise<CatalogResponse> => fakeRouterCatalog();

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "config-facts-"));
  file = path.join(dir, "openclaw.json");
  process.env.OPENCLAW_CONFIG_PATH = file;
  process.env.HF_PICKER_DATA_DIR = path.join(dir, "data");
  await fs.writeFile(file, SEED);
});
afterEach(async () => {
  process.env = { ...saved };
  await fs.rm(dir, { recursive: true, force: true });
});

interface Entry {
  id: string;
  name?: string;
  contextWindow?: number;
  cost?: { input: number; output: number };
  reasoning?: boolean;
  input?: string[];
}

async function entries(): Promise<Entry[]> {
  const data = JSON5.parse(await fs.readFile(file, "utf8")) as {
    models?: { providers?: { huggingface?: { models?: Entry[] } } };
  };
  return data.models?.providers?.huggingface?.models ?? [];
}

/** True when every line of `before` is still in `after`, in order: the edit only added lines. */
function onlyAddedLines(before: string, after: string): boolean {
  const lines = after.split("\n");
  let at = 0;
  for (const line of before.split("\n")) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

async function save(input: Parameters<typeof writeSettings>[0], catalog = live) {
  return writeSettings(input, (await readSettings()).etag, { catalog });
}

// Each save also keeps the version in the history (fsynced writes): seconds on a busy shared disk.
describe("model facts in the config file", { timeout: 30_000 }, () => {
  it("writes an entry per ref in use, only adding lines, and remembers the switch", async () => {
    const state = await save({ ...IN_FILE, modelFacts: true });
    expect(state.modelFacts).toBe(true);
    const after = await fs.readFile(file, "utf8");
    expect(onlyAddedLines(SEED, after)).toBe(true);
    expect(await entries()).toEqual([
      { id: "zai-org/GLM-4.7", name: "My GLM", contextWindow: 100000 },
      {
        id: "deepseek-ai/DeepSeek-R1",
        name: "DeepSeek R1",
        contextWindow: 65536,
        cost: { input: 5, output: 8 },
        reasoning: true,
        input: ["text"],
      },
      {
        id: "deepseek-ai/DeepSeek-R1:cheapest",
        name: "DeepSeek R1",
        contextWindow: 65536,
        cost: { input: 0.7, output: 2.5 },
        reasoning: true,
        input: ["text"],
      },
      expect.objectContaining({ id: "Qwen/Qwen3-8B", name: "Qwen3 8B" }),
    ]);
    expect((await readSettings()).modelFacts).toBe(true);
  });

  it("never touches the user's own entry for a ref in use, and says so", async () => {
    const preview = await previewSettings(
      { primary: GLM, fallbacks: [], aliases: {}, modelFacts: true },
      { catalog: live },
    );
    expect(onlyAddedLines(SEED.slice(0, SEED.indexOf("  agents:")), preview.after)).toBe(true);
    expect(preview.after).not.toContain('id: "zai-org/GLM-4.7", name: "GLM');
    expect(preview.facts?.entries).toContainEqual(
      expect.objectContaining({
        id: "zai-org/GLM-4.7",
        status: "yours",
        fields: [
          { field: "name", value: "My GLM", source: "hand-set" },
          { field: "contextWindow", value: 100000, source: "hand-set" },
        ],
      }),
    );
  });

  it("keeps a value changed by hand on later saves and reports it as hand-set", async () => {
    await save({ primary: R1_CHEAP, fallbacks: [], aliases: {}, modelFacts: true });
    const text = await fs.readFile(file, "utf8");
    await fs.writeFile(file, text.replace("contextWindow: 65536", "contextWindow: 50000"));
    // A later save with other figures: its own values follow them, the hand-set one stays.
    const cheaper = fakeRouterCatalog();
    const r1 = cheaper.models.find((m) => m.ref === R1);
    const novita = r1?.providers.find((p) => p.provider === "novita");
    if (novita) novita.pricing = { input: 0.5, output: 2 };
    await save({ primary: R1_CHEAP, fallbacks: [QWEN], aliases: {} }, async () => cheaper);
    expect((await entries()).find((e) => e.id === "deepseek-ai/DeepSeek-R1:cheapest")).toMatchObject({
      contextWindow: 50000,
      cost: { input: 0.5, output: 2 },
    });
    const preview = await previewSettings({ primary: R1_CHEAP, fallbacks: [QWEN], aliases: {} }, { catalog: live });
    const fields = preview.facts?.entries.find((e) => e.id === "deepseek-ai/DeepSeek-R1:cheapest")?.fields;
    expect(fields).toContainEqual({ field: "contextWindow", value: 50000, source: "hand-set" });
    expect(fields).toContainEqual({ field: "name", value: "DeepSeek R1", source: "dashboard" });
  });

  it("removes its entries when a ref is no longer used, and all of its own when switched off", async () => {
    await save({ ...IN_FILE, modelFacts: true });
    await save({ ...IN_FILE, aliases: {} });
    expect((await entries()).map((e) => e.id)).toEqual([
      "zai-org/GLM-4.7",
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-R1:cheapest",
    ]);
    await save({ ...IN_FILE, modelFacts: true });
    const state = await save({ ...IN_FILE, modelFacts: false });
    expect(state.modelFacts).toBe(false);
    // Back to the user's file, byte for byte.
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
  });

  it("keeps the list it created when the last entry goes", async () => {
    await fs.writeFile(file, `{ agents: { defaults: { model: "${QWEN}" } } }\n`);
    await save({ primary: QWEN, fallbacks: [], aliases: {}, modelFacts: true });
    await save({ primary: QWEN, fallbacks: [], aliases: {}, modelFacts: false });
    const data = JSON5.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
    expect(data.models).toEqual({ providers: { huggingface: { models: [] } } });
  });

  it("never invents a price without a live list", async () => {
    await save({ primary: R1_CHEAP, fallbacks: [], aliases: {}, modelFacts: true }, async () => builtinOnlyCatalog());
    expect((await entries()).find((e) => e.id === "deepseek-ai/DeepSeek-R1:cheapest")).toEqual({
      id: "deepseek-ai/DeepSeek-R1:cheapest",
      name: "DeepSeek R1",
      contextWindow: 131072,
      reasoning: true,
      input: ["text"],
    });
  });

  it("keeps JSON files strict and CRLF files CRLF", async () => {
    await fs.writeFile(
      file,
      `{\r\n    "agents": {\r\n        "defaults": {\r\n            "model": "${QWEN}"\r\n        }\r\n    }\r\n}\r\n`,
    );
    await save({ primary: QWEN, fallbacks: [], aliases: {}, modelFacts: true });
    const text = await fs.readFile(file, "utf8");
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text).toContain('\r\n                        "id": "Qwen/Qwen3-8B",\r\n');
  });

  it("previews without writing the file or the memory", async () => {
    const preview = await previewSettings(
      { primary: R1, fallbacks: [], aliases: {}, modelFacts: true },
      { catalog: live },
    );
    expect(preview.after).toContain('id: "deepseek-ai/DeepSeek-R1"');
    expect(preview.facts).toMatchObject({ enabled: true, catalogSource: "live" });
    expect(preview.facts?.entries[0]).toMatchObject({ status: "added", basis: "least-favourable" });
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
    await expect(fs.access(factsMemoryFile())).rejects.toThrow();
  });

  it("saves the switch alone when the file needs no change", async () => {
    await fs.writeFile(file, "{}\n");
    const state = await save({ primary: null, fallbacks: [], aliases: {}, modelFacts: true });
    expect(state.modelFacts).toBe(true);
    expect(await fs.readFile(file, "utf8")).toBe("{}\n");
  });

  it("refuses the save when the memory cannot be written, leaving the file as it was", async () => {
    await fs.writeFile(path.join(dir, "data"), "a file where the data folder should be");
    const error = await save({ primary: R1, fallbacks: [], aliases: {}, modelFacts: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "config_unwritable" });
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
  });
});
