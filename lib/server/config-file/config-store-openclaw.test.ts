import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSON5 from "json5";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { previewSettings, readSettings, writeSettings } from "./config-store";
import { AppError } from "@/lib/server/http/errors";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const TARGET = { dashboardUrl: "http://127.0.0.1:3000/api/openclaw/v1", routerUrl: "https://router.huggingface.co/v1" };
const SETTINGS = { primary: R1, fallbacks: [], aliases: {} };
const SEED = `{
  // mine
  agents: { defaults: { model: { primary: "${R1}" } } },
  models: {
    providers: {
      // kept as it is
      huggingface: { models: [{ id: "deepseek-ai/DeepSeek-R1", name: "R1 by hand" }] },
      openai: { baseUrl: "https://api.openai.com/v1" },
    },
  },
}
`;

let dir: string;
let file: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "config-openclaw-"));
  file = path.join(dir, "state", "openclaw.json");
  process.env.OPENCLAW_STATE_DIR = path.join(dir, "state");
  process.env.OPENCLAW_CONFIG_PATH = file;
});
afterEach(async () => {
  process.env = { ...saved };
  await fs.rm(dir, { recursive: true, force: true });
});

async function seed(text: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return (await readSettings()).etag;
}

const providers = async () =>
  (JSON5.parse(await fs.readFile(file, "utf8")) as { models: { providers: Record<string, unknown> } }).models.providers;

describe("route OpenClaw through the dashboard", () => {
  it("writes the dashboard's OpenClaw route as the Hugging Face base URL, and the router's back", async () => {
    const etag = await seed(SEED);
    const on = await writeSettings({ ...SETTINGS, routeOpenClaw: true }, etag, { openClaw: TARGET });
    expect(on).toMatchObject({ routeOpenClaw: true, openClawBaseUrl: TARGET.dashboardUrl });
    const text = await fs.readFile(file, "utf8");
    expect(text).toContain("// mine");
    expect(text).toContain("// kept as it is");
    expect(await providers()).toEqual({
      huggingface: { models: [{ id: "deepseek-ai/DeepSeek-R1", name: "R1 by hand" }], baseUrl: TARGET.dashboardUrl },
      openai: { baseUrl: "https://api.openai.com/v1" },
    });

    const off = await writeSettings({ ...SETTINGS, routeOpenClaw: false }, on.etag, { openClaw: TARGET });
    expect(off).toMatchObject({ routeOpenClaw: false, openClawBaseUrl: TARGET.routerUrl });
    expect((await providers()).huggingface).toMatchObject({ baseUrl: TARGET.routerUrl });
  });

  it("creates the provider entry in a config that has none, and shows it in the preview first", async () => {
    const etag = await seed(`{ agents: { defaults: { model: "${R1}" } } }\n`);
    const preview = await previewSettings({ ...SETTINGS, routeOpenClaw: true }, { openClaw: TARGET });
    expect(preview.after).toContain(`baseUrl: "${TARGET.dashboardUrl}"`);
    expect((await readSettings()).routeOpenClaw).toBe(false);
    await writeSettings({ ...SETTINGS, routeOpenClaw: true }, etag, { openClaw: TARGET });
    expect(await providers()).toEqual({ huggingface: { baseUrl: TARGET.dashboardUrl } });
  });

  it("leaves a config that never routed through a dashboard alone when switched off, and without the field", async () => {
    const etag = await seed(SEED);
    await writeSettings({ ...SETTINGS, routeOpenClaw: false }, etag, { openClaw: TARGET });
    await writeSettings(SETTINGS, (await readSettings()).etag, { openClaw: TARGET });
    expect(await fs.readFile(file, "utf8")).toBe(SEED);
  });

  it("refuses a switch made on a file that changed meanwhile (409), writing nothing", async () => {
    const etag = await seed(SEED);
    await fs.writeFile(file, SEED.replace("// mine", "// edited in an editor"));
    const error = await writeSettings({ ...SETTINGS, routeOpenClaw: true }, etag, { openClaw: TARGET }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((await readSettings()).routeOpenClaw).toBe(false);
  });
});
