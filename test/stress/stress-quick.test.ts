/**
 * The reduced form of `npm run test:stress` that CI runs: every scenario in scripts/stress/scenarios,
 * with small counts, against the route handlers called in-process (no build, no port).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Scenario } from "@/scripts/stress/types";
import { inProcessTarget } from "./in-process-target";

const SCENARIOS = path.resolve(import.meta.dirname, "../../scripts/stress/scenarios");
const files = (await fs.readdir(SCENARIOS)).filter((name) => name.endsWith(".ts")).sort();

let workDir: string;
const saved = { ...process.env };
beforeEach(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "stress-quick-"));
  await fs.mkdir(path.join(workDir, "state"));
  process.env.OPENCLAW_STATE_DIR = path.join(workDir, "state");
  process.env.OPENCLAW_CONFIG_PATH = path.join(workDir, "state", "openclaw.json");
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
        log: () => undefined,
      });
      expect(result.problems).toEqual([]);
    },
    120_000,
  );
});
