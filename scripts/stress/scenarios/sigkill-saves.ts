import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import JSON5 from "json5";
import { paddedConfig, R1 } from "../config-text";
import type { Scenario } from "../types";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const CHILD = path.join(ROOT, "scripts", "stress", "writer-child.ts");

/** The version in a config text, or a reason it is not whole. */
function versionIn(text: string): number | string {
  if (text.length === 0) return "empty";
  try {
    const data = JSON5.parse(text) as { agents?: { defaults?: { models?: Record<string, { alias?: string }> } } };
    const alias = data.agents?.defaults?.models?.[R1]?.alias ?? "";
    return /^v\d+$/.test(alias) ? Number(alias.slice(1)) : 0;
  } catch (error) {
    return `not JSON5 (${(error as Error).message})`;
  }
}

/** The writer bundled once into plain JavaScript, so each round starts in a fraction of a second. */
async function bundleWriter(): Promise<string> {
  // Inside the repository, so the bundle finds the packages in node_modules.
  const outfile = path.join(ROOT, ".tmp", "stress", `writer-child-${process.pid}.mjs`);
  await build({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    alias: { "server-only": path.join(ROOT, "test", "server-only-stub.ts") },
    logLevel: "error",
  });
  return outfile;
}

/** Starts a writer, lets it save for a random moment, SIGKILLs it; resolves with the last acknowledged version. */
function killedWriter(writer: string, configPath: string, first: number, killAfterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, configPath, String(first)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let acked = first - 1;
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const match of chunk.matchAll(/ack (\d+)/g)) acked = Math.max(acked, Number(match[1]));
      // The clock starts at the first acknowledged save, so the kill lands among saves, not during start-up.
      timer ??= setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") resolve(acked);
      else reject(new Error(`writer exited ${code ?? signal}: ${stderr.slice(-500)}`));
    });
  });
}

/** Saves killed with SIGKILL at random moments: no acknowledged save is lost, the file and .bak are always whole. */
export const scenario: Scenario = {
  name: "SIGKILL during saves",
  async run({ scale, configPath, log }) {
    const writer = await bundleWriter();
    const rounds = scale === "full" ? 50 : 3;
    await fs.writeFile(configPath, paddedConfig(scale === "full" ? 2_000_000 : 50_000));
    const problems: string[] = [];
    let next = 1;
    let leftovers = 0;
    for (let round = 1; round <= rounds; round++) {
      const acked = await killedWriter(
        writer,
        configPath,
        next,
        Math.floor(Math.random() * (scale === "full" ? 1500 : 400)),
      );
      const file = versionIn(await fs.readFile(configPath, "utf8"));
      const bak = versionIn(await fs.readFile(`${configPath}.bak`, "utf8").catch(() => "{}"));
      const dir = await fs.readdir(path.dirname(configPath));
      leftovers += dir.filter((name) => name.endsWith(".tmp")).length;
      if (typeof file === "string") problems.push(`round ${round}: the config is ${file}`);
      else if (file < acked) problems.push(`round ${round}: save v${acked} was acknowledged, the file holds v${file}`);
      if (typeof bak === "string") problems.push(`round ${round}: the .bak is ${bak}`);
      next = (typeof file === "number" ? Math.max(file, acked) : acked) + 1;
      if (scale === "full" && round % 10 === 0) log(`  ${round}/${rounds} rounds, last acknowledged v${acked}`);
    }
    // The next writer's first read removes what the killed ones left.
    const { readSettings } = await import("@/lib/server/config-file/config-store");
    const saved = process.env.OPENCLAW_CONFIG_PATH;
    process.env.OPENCLAW_CONFIG_PATH = configPath;
    await readSettings();
    process.env.OPENCLAW_CONFIG_PATH = saved;
    const left = (await fs.readdir(path.dirname(configPath))).filter((name) => name.endsWith(".tmp"));
    if (left.length > 0) problems.push(`temp files left after a restart: ${left.join(", ")}`);
    await fs.rm(writer, { force: true });
    return {
      figures: {
        rounds,
        "saves acknowledged": next - 1,
        "broken files": problems.length,
        "temp files seen after kills": leftovers,
      },
      problems,
    };
  },
};
