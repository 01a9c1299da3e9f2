import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localRequest, UNREACHABLE_ROUTER, stateDirPerTest } from "@/test/route-fixture";
import { settingsConflictSchema, settingsStateSchema } from "@/lib/settings/settings-types";
import { GET, PUT } from "./route";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const SEED = `{\n  // keep me\n  agents: { defaults: { model: "${R1}" } },\n}\n`;

const dirs = stateDirPerTest({ prefix: "settings-route", config: SEED });

function put(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return PUT(localRequest("/api/settings", { method: "PUT", body, headers }));
}

async function etag(): Promise<string> {
  const res = await GET(localRequest("/api/settings"));
  return res.headers.get("etag") ?? "";
}

describe("GET /api/settings", () => {
  it("answers the state with its ETag header", async () => {
    const res = await GET(localRequest("/api/settings"));
    expect(res.status).toBe(200);
    const state = settingsStateSchema.parse(await res.json());
    expect(state).toMatchObject({
      configPath: dirs.configFile,
      exists: true,
      primary: R1,
      fallbacks: [],
      aliases: {},
      parseError: null,
    });
    expect(res.headers.get("etag")).toBe(state.etag);
  });
});

describe("PUT /api/settings", () => {
  it("saves and answers the new state (200)", async () => {
    const res = await put(
      { primary: R1, fallbacks: ["Qwen/Qwen3-8B"], aliases: { [QWEN]: "Qwen" } },
      { "if-match": await etag() },
    );
    expect(res.status).toBe(200);
    const state = settingsStateSchema.parse(await res.json());
    expect(state).toMatchObject({ primary: R1, fallbacks: [QWEN], aliases: { [QWEN]: "Qwen" } });
    expect(res.headers.get("etag")).toBe(state.etag);
    expect(await fs.readFile(dirs.configFile, "utf8")).toContain("// keep me");
  });

  it("keeps model facts with the switch on, and answers the switch in GET (absent = unchanged)", async () => {
    // No token and no router: the catalog is the built-in list, so the facts have no price.
    process.env.HF_ROUTER_URL = UNREACHABLE_ROUTER;
    const on = await put({ primary: R1, fallbacks: [], aliases: {}, modelFacts: true }, { "if-match": await etag() });
    expect(on.status).toBe(200);
    expect(settingsStateSchema.parse(await on.json()).modelFacts).toBe(true);
    const text = await fs.readFile(dirs.configFile, "utf8");
    expect(text).toContain('id: "deepseek-ai/DeepSeek-R1"');
    expect(text).not.toContain("cost");
    const again = await put({ primary: R1, fallbacks: [QWEN], aliases: {} }, { "if-match": await etag() });
    expect(settingsStateSchema.parse(await again.json()).modelFacts).toBe(true);
    expect(await fs.readFile(dirs.configFile, "utf8")).toContain('id: "Qwen/Qwen3-8B"');
    const read = settingsStateSchema.parse(await (await GET(localRequest("/api/settings"))).json());
    expect(read.modelFacts).toBe(true);
  });

  it("answers 400 with issues at their paths", async () => {
    const res = await put(
      { primary: R1, fallbacks: [QWEN, "Qwen/Qwen3-8B:bad suffix"], aliases: {} },
      { "if-match": await etag() },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.issues).toEqual([{ path: "fallbacks.1", message: expect.stringContaining("bad suffix") }]);
  });

  it("answers 400 for a body that is not JSON or lacks fields", async () => {
    const notJson = await PUT(
      localRequest("/api/settings", { method: "PUT", headers: { "if-match": '"x"' }, body: "{" }),
    );
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("bad_request");
    const res = await put({ primary: R1 }, { "if-match": await etag() });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe("fallbacks");
  });

  it("answers 403 for a foreign Origin", async () => {
    const res = await put(
      { primary: QWEN, fallbacks: [], aliases: {} },
      { "if-match": await etag(), origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
  });

  it("answers 409 with the current state when the file changed underneath, writing nothing", async () => {
    const stale = await etag();
    const edited = SEED.replace(R1, QWEN);
    await fs.writeFile(dirs.configFile, edited);
    const res = await put(
      { primary: "huggingface/zai-org/GLM-4.7", fallbacks: [], aliases: {} },
      { "if-match": stale },
    );
    expect(res.status).toBe(409);
    const body = settingsConflictSchema.parse(await res.json());
    expect(body.current).toMatchObject({ primary: QWEN });
    expect(body.current.etag).not.toBe(stale);
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(edited);
  });

  it("answers 422 for a malformed file", async () => {
    await fs.writeFile(dirs.configFile, "{ agents: { ");
    const res = await put({ primary: QWEN, fallbacks: [], aliases: {} }, { "if-match": await etag() });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("config_invalid");
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe("{ agents: { ");
  });

  it("answers 428 without If-Match", async () => {
    const res = await put({ primary: QWEN, fallbacks: [], aliases: {} });
    expect(res.status).toBe(428);
    expect((await res.json()).error.code).toBe("precondition_required");
  });

  it("answers 507 when the file cannot be written (its folder's parent is a regular file)", async () => {
    process.env.OPENCLAW_CONFIG_PATH = path.join(dirs.configFile, "nested", "openclaw.json");
    const res = await put({ primary: QWEN, fallbacks: [], aliases: {} }, { "if-match": '"absent"' });
    expect(res.status).toBe(507);
    const body = await res.json();
    expect(body.error.code).toBe("config_unwritable");
    expect(body.error.message).toContain("Nothing was changed");
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
  });
});
