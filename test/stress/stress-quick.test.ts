/**
 * The reduced form of `npm run test:stress` that CI runs: every scenario in scripts/stress/scenarios,
 * with small counts, against the route handlers called in-process (no build, no port).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MemorySample, Scenario } from "@/scripts/stress/types";
import { startFakeRouter, type FakeRouter } from "@/test/fake-router/server";
import { inProcessTarget } from "./in-process-target";

const SCENARIOS = path.resolve(import.meta.dirname, "../../scripts/stress/scenarios");
const files = (await fs.readdir(SCENARIOS)).filter((name) => name.endsWith(".ts")).sort();

const TOKEN = "hf_fake_stress_quick_0000";

/** This process's memory after GC (the handlers run here). */
async function memory(): Promise<MemorySample> {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

let router: FakeRouter;
let workDir: string;
const saved = { ...process.env };
beforeAll(async () => {
  // The gateway logs each stream a client abandons: hundreds of lines here.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  router = await startFakeRouter({ token: TOKEN, chunkDelayMs: 2 });
});
afterAll(() => router.close());
beforeEach(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "stress-quick-"));
  await fs.mkdir(path.join(workDir, "state"));
  await fs.writeFile(path.join(workDir, "state", ".env"), `HF_TOKEN=${TOKEN}\n`);
  for (const name of ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "HOST", "DASHBOARD_API_KEY"]) delete process.env[name];
  process.env.OPENCLAW_STATE_DIR = path.join(workDir, "state");
  process.env.OPENCLAW_CONFIG_PATH = path.join(workDir, "state", "openclaw.json");
  process.env.HF_ROUTER_URL = router.url;
});
afterEach(async () => {
  process.env = { ...saved };
  await fs.rm(workDir, { recursive: true, force: true });
});

describe("stress scenarios, reduced", () => {
  it.each(files)(
    "%s",
    async (file) => {
      const { scenario } = (await import(path.join(SCENARIOS, file))) as { scenario: Scenario };
      const result = await scenario.run({
        scale: "quick",
        target: inProcessTarget(),
        configPath: process.env.OPENCLAW_CONFIG_PATH as string,
        workDir,
        router,
        memory,
        log: () => undefined,
      });
      // The counts show in CI's log, as `npm run test:stress` prints them.
      console.info(`${file}: ${JSON.stringify(result.figures)}`);
      expect(result.problems).toEqual([]);
    },
    120_000,
  );
});
