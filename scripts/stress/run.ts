/**
 * `npm run test:stress [-- name…]`: the stress scenarios (scripts/stress/scenarios/*.ts, one file each)
 * against a production build of the dashboard, with full counts; prints each scenario's figures and
 * one summary line. Not part of CI, which runs the reduced form (test/stress/stress-quick.test.ts).
 * Bounded in time: STRESS_TIMEOUT_MS (default 15 minutes) for the whole run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded, nextBin } from "../lib";
import { runPorts } from "@/test/fetch-ports";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { httpTarget } from "./targets";
import type { MemorySample, Scenario, ScenarioResult } from "./types";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
// Past the ports fetch refuses (base 4100 + 90 is 4190, one of them): the health check would wait a minute.
const PORT = runPorts().stress;
const BASE = `http://127.0.0.1:${PORT}`;
const TIMEOUT_MS = Number(process.env.STRESS_TIMEOUT_MS) || 15 * 60 * 1000;
/** Obviously fake; the fake router the runner starts accepts only this one. */
const STRESS_TOKEN = "hf_fake_stress_token_0000";

async function loadScenarios(only: string[]): Promise<Scenario[]> {
  const dir = path.join(import.meta.dirname, "scenarios");
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith(".ts")).sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const { scenario } = (await import(path.join(dir, file))) as { scenario: Scenario };
    if (only.length === 0 || only.some((word) => file.includes(word) || scenario.name.includes(word)))
      scenarios.push(scenario);
  }
  return scenarios;
}

async function startServer(stateDir: string, configPath: string, router: FakeRouter, memoryFile: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: configPath,
    HF_PICKER_DATA_DIR: path.join(stateDir, "..", "picker-data"),
    HF_ROUTER_URL: router.url,
    STRESS_MEMORY_FILE: memoryFile,
    // Memory is compared after GC: the hook collects and reports on SIGUSR2.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc --import ${pathToFileURL(path.join(import.meta.dirname, "gc-hook.mjs")).href}`,
  };
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN"]) delete env[name];
  await fs.writeFile(path.join(stateDir, ".env"), `HF_TOKEN=${STRESS_TOKEN}\n`, { mode: 0o600 });
  const server = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(PORT)], {
    cwd: ROOT,
    env,
    // The gateway logs every stream a client abandons: thousands of lines here, so only errors are shown.
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n"))
      if (line.trim() !== "" && !line.startsWith("[gateway]")) process.stderr.write(`${line}\n`);
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    if (
      await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGKILL");
  throw new Error(`the dashboard did not answer on ${BASE} within a minute`);
}

/** Asks the server's gc hook for its memory after GC. */
async function serverMemory(server: ChildProcess, file: string): Promise<MemorySample> {
  await fs.rm(file, { force: true });
  server.kill("SIGUSR2");
  for (let attempt = 0; attempt < 200; attempt++) {
    const text = await fs.readFile(file, "utf8").catch(() => null);
    if (text) return JSON.parse(text) as MemorySample;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the dashboard did not report its memory (is the gc hook loaded?)");
}

async function main(): Promise<number> {
  const scenarios = await loadScenarios(process.argv.slice(2));
  if ((await buildIfNeeded(process.env.NEXT_DIST_DIR || ".next")) !== 0) throw new Error("the build failed");
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "hf-picker-stress-"));
  const stateDir = path.join(workDir, "state");
  await fs.mkdir(stateDir, { mode: 0o700 });
  const configPath = path.join(stateDir, "openclaw.json");
  const memoryFile = path.join(workDir, "memory.json");
  const router = await startFakeRouter({ token: STRESS_TOKEN });
  const server = await startServer(stateDir, configPath, router, memoryFile);
  const results: [Scenario, ScenarioResult][] = [];
  try {
    for (const scenario of scenarios) {
      console.log(`\n=== ${scenario.name} ===`);
      const started = performance.now();
      const result = await scenario
        .run({
          scale: "full",
          target: httpTarget(BASE),
          configPath,
          workDir,
          router,
          memory: () => serverMemory(server, memoryFile),
          log: (line) => console.log(line),
        })
        .catch((error: unknown): ScenarioResult => ({
          figures: {},
          problems: [`crashed: ${(error as Error).stack ?? error}`],
        }));
      result.figures["scenario s"] = ((performance.now() - started) / 1000).toFixed(1);
      for (const [name, value] of Object.entries(result.figures)) console.log(`  ${name.padEnd(28)} ${value}`);
      for (const problem of result.problems) console.log(`  PROBLEM ${problem}`);
      console.log(result.problems.length === 0 ? "  PASS" : "  FAIL");
      results.push([scenario, result]);
    }
  } finally {
    server.kill("SIGTERM");
    await router.close();
    await fs.rm(workDir, { recursive: true, force: true });
  }
  const failed = results.filter(([, result]) => result.problems.length > 0).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

const deadline = setTimeout(() => {
  console.error(`test:stress: over ${TIMEOUT_MS / 1000} s, stopped`);
  process.exit(1);
}, TIMEOUT_MS);
deadline.unref();
process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 1;
});
