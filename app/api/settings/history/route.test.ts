import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stateDirPerTest } from "@/test/route-fixture";
import { NextRequest } from "next/server";
import { configGeneration } from "@/lib/server/config-file/config-generation";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { historyListSchema, restoreResultSchema, versionDetailSchema } from "@/lib/settings/history-types";
import { settingsStateSchema, type SettingsInput } from "@/lib/settings/settings-types";
import { GET as getSettings, PUT as putSettings } from "../route";
import { GET as getList } from "./route";
import { GET as getVersion } from "./[id]/route";
import { POST as postRestore } from "./[id]/restore/route";
import { GET as getModels } from "../../models/route";

const BASE = "http://127.0.0.1:3000/api/settings";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.7";
const SEED = `{\n  // keep me\n  agents: { defaults: { model: "${R1}" } },\n}\n`;

const dirs = stateDirPerTest({ prefix: "history-route", config: SEED });

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function currentEtag(): Promise<string> {
  return settingsStateSchema.parse(await (await getSettings(new Request(BASE))).json()).etag;
}

async function save(input: SettingsInput): Promise<void> {
  const res = await putSettings(
    new Request(BASE, {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": await currentEtag() },
      body: JSON.stringify(input),
    }),
  );
  expect(res.status).toBe(200);
}

async function list() {
  const res = await getList(new Request(`${BASE}/history`));
  expect(res.status).toBe(200);
  return historyListSchema.parse(await res.json());
}

function restore(id: string, ifMatch?: string): Promise<Response> {
  const headers: Record<string, string> = ifMatch ? { "if-match": ifMatch } : {};
  return postRestore(new Request(`${BASE}/history/${id}/restore`, { method: "POST", headers }), params(id));
}

describe("config history routes", () => {
  it("names what the first save of a file that did not exist yet set", async () => {
    await fs.rm(dirs.configFile);
    await save({ primary: QWEN, fallbacks: [R1], aliases: {} });
    expect((await list()).versions.map((v) => v.summary)).toEqual(["primary set to Qwen3 8B; +1 fallback"]);
  });

  it("three saves then a restore of the first give back its exact bytes, as a new version", async () => {
    await save({ primary: QWEN, fallbacks: [], aliases: {} });
    const first = await fs.readFile(dirs.configFile);
    await save({ primary: QWEN, fallbacks: [R1], aliases: {} });
    await save({ primary: GLM, fallbacks: [R1], aliases: { [GLM]: "GLM" } });

    const before = await list();
    expect(before.versions.map((v) => [v.id, v.source, v.summary])).toEqual([
      ["4", "save", "primary Qwen3 8B → GLM 4.7; alias GLM added"],
      ["3", "save", "+1 fallback"],
      ["2", "save", "primary DeepSeek R1 → Qwen3 8B"],
      ["1", "outside", "first version seen by the dashboard"],
    ]);
    expect(before.current).toBe("4");

    const res = await restore("2", await currentEtag());
    expect(res.status).toBe(200);
    const result = restoreResultSchema.parse(await res.json());
    expect((await fs.readFile(dirs.configFile)).equals(first)).toBe(true);
    expect(result.state).toMatchObject({ primary: QWEN, fallbacks: [], aliases: {} });
    expect(res.headers.get("etag")).toBe(result.state.etag);
    expect(result.version).toMatchObject({ id: "5", source: "restore" });
    expect(result.version?.summary).toBe(
      "Version 2 restored: primary GLM 4.7 → Qwen3 8B; −1 fallback; alias GLM removed",
    );

    // The restore can itself be undone.
    const undo = await restore("4", result.state.etag);
    expect(undo.status).toBe(200);
    expect((await list()).versions.map((v) => v.source)).toEqual([
      "restore",
      "restore",
      "save",
      "save",
      "save",
      "outside",
    ]);
  });

  it("restores the version from before the first save byte for byte, comments included", async () => {
    await save({ primary: QWEN, fallbacks: [], aliases: {} });
    const res = await restore("1", await currentEtag());
    expect(res.status).toBe(200);
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
  });

  it("a restore reaches the catalog at once: its aliases and a new ETag, no stale cached answer", async () => {
    // A closed port: the router fails at once and the catalog answers with the built-ins.
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9";
    const catalog = (etag?: string) =>
      getModels(
        new NextRequest(`http://127.0.0.1:3000/api/models`, { headers: etag ? { "if-none-match": etag } : {} }),
      );
    const aliasOf = async (res: Response) =>
      decodeCatalog(wireCatalogSchema.parse(await res.json())).models.find((m) => m.ref === R1)?.alias;
    await save({ primary: R1, fallbacks: [], aliases: { [R1]: "Deep" } });
    const before = await catalog();
    const etag = before.headers.get("etag") ?? "";
    expect(await aliasOf(before)).toBe("Deep");
    expect((await catalog(etag)).status).toBe(304);

    const generation = configGeneration();
    expect((await restore("1", await currentEtag())).status).toBe(200);
    // Caches of the file key on this beside its stat (a stat alone can miss a same-size rewrite).
    expect(configGeneration()).toBeGreaterThan(generation);
    const after = await catalog(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await aliasOf(after)).toBeUndefined();
  });

  it("shows a version's text and what restoring it would change", async () => {
    await save({ primary: QWEN, fallbacks: [], aliases: {} });
    const res = await getVersion(new Request(`${BASE}/history/1`), params("1"));
    expect(res.status).toBe(200);
    const detail = versionDetailSchema.parse(await res.json());
    expect(detail.text).toBe(SEED);
    expect(detail.currentEtag).toBe(await currentEtag());
    const removed = detail.diff?.flatMap((row) => (row.kind === "del" ? [row.text] : [])).join("\n");
    const added = detail.diff?.flatMap((row) => (row.kind === "add" ? [row.text] : [])).join("\n");
    expect(removed).toContain(QWEN);
    expect(added).toBe(`  agents: { defaults: { model: "${R1}" } },`);
  });

  it("keeps a version changed outside the dashboard when it is read", async () => {
    await currentEtag();
    await fs.writeFile(dirs.configFile, SEED.replace(R1, QWEN));
    await currentEtag();
    const { versions } = await list();
    expect(versions.map((v) => [v.source, v.summary])).toEqual([
      ["outside", "primary DeepSeek R1 → Qwen3 8B"],
      ["outside", "first version seen by the dashboard"],
    ]);
  });

  it("refuses a restore with a stale ETag (409), without If-Match (428), or of an unknown version (404)", async () => {
    await save({ primary: QWEN, fallbacks: [], aliases: {} });
    const stale = await currentEtag();
    await fs.writeFile(dirs.configFile, SEED.replace(R1, GLM));
    const conflict = await restore("1", stale);
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ error: { code: "conflict" }, current: { primary: GLM } });
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED.replace(R1, GLM));

    expect((await restore("1")).status).toBe(428);
    const unknown = await restore("99", await currentEtag());
    expect(unknown.status).toBe(404);
    expect((await getVersion(new Request(`${BASE}/history/x`), params("x"))).status).toBe(404);
  });

  it("refuses to restore a version that does not parse (422), and writes nothing", async () => {
    await fs.writeFile(dirs.configFile, "{ agents: ");
    await currentEtag();
    await fs.writeFile(dirs.configFile, SEED);
    const etag = await currentEtag();
    const res = await restore("1", etag);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: "config_invalid",
      message: expect.stringContaining("Version 1 is not valid JSON5"),
    });
    expect(await fs.readFile(dirs.configFile, "utf8")).toBe(SEED);
  });

  it("refuses a foreign origin", async () => {
    const res = await getList(new Request(`${BASE}/history`, { headers: { origin: "https://evil.example" } }));
    expect(res.status).toBe(403);
  });

  it("keeps at most CONFIG_HISTORY_VERSIONS versions, and their files only", async () => {
    process.env.CONFIG_HISTORY_VERSIONS = "20";
    for (let i = 0; i < 23; i++) {
      await fs.writeFile(dirs.configFile, SEED.replace("keep me", `edit ${i}`));
      await currentEtag();
    }
    const { versions, limit } = await list();
    expect(limit).toBe(20);
    expect(versions).toHaveLength(20);
    expect(versions.at(-1)?.id).toBe("4");
    const folders = await fs.readdir(path.join(dirs.dataDir, "config-history"));
    const blobs = await fs.readdir(path.join(dirs.dataDir, "config-history", folders[0] ?? "", "versions"));
    expect(blobs).toHaveLength(20);
  });

  it("stores versions 0600 in 0700 folders, and never one holding an HF token", async () => {
    await save({ primary: QWEN, fallbacks: [], aliases: {} });
    const [folder] = await fs.readdir(path.join(dirs.dataDir, "config-history"));
    const root = path.join(dirs.dataDir, "config-history", folder ?? "");
    expect((await fs.stat(dirs.dataDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(root)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(root, "index.json"))).mode & 0o777).toBe(0o600);
    for (const blob of await fs.readdir(path.join(root, "versions"))) {
      expect((await fs.stat(path.join(root, "versions", blob))).mode & 0o777).toBe(0o600);
    }

    const token = `hf_${"a1B2".repeat(9)}`;
    await fs.writeFile(dirs.configFile, SEED.replace("// keep me", `env: { HF_TOKEN: "${token}" },`));
    await currentEtag();
    expect((await list()).versions).toHaveLength(2);
    const texts = await Promise.all(
      (await fs.readdir(path.join(root, "versions"))).map((blob) =>
        fs.readFile(path.join(root, "versions", blob), "utf8"),
      ),
    );
    expect(texts.some((text) => text.includes(token))).toBe(false);
  });
});
