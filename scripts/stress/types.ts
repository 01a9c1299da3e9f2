/**
 * The contract between `npm run test:stress` (run.ts), its scenarios (scenarios/*.ts, one file each)
 * and the reduced form CI runs inside Vitest (test/stress/stress-quick.test.ts).
 */
import type { FakeRouter } from "@/test/fake-router/server";

/** Where requests go: a real dashboard over HTTP, or the route handlers called in-process. */
export interface Target {
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** The dashboard's memory after a full garbage collection, in bytes. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
}

export interface StressContext {
  /** "full" for `npm run test:stress`; "quick" for the small counts CI runs. */
  scale: "full" | "quick";
  target: Target;
  /** The config file the target edits. */
  configPath: string;
  /** A folder of its own the scenario may use. */
  workDir: string;
  /** The fake router the dashboard talks to (its `requests` show what reached upstream). */
  router: FakeRouter;
  /** The dashboard's memory after GC: the server process over HTTP, this process in-process. */
  memory: () => Promise<MemorySample>;
  log: (line: string) => void;
}

export interface ScenarioResult {
  /** Figures to print, e.g. `{ "saves": 200, "200 answers": 1 }`. */
  figures: Record<string, string | number>;
  /** What went wrong; empty when the scenario passed. */
  problems: string[];
}

export interface Scenario {
  name: string;
  /** Needs the whole server (timing of other routes); its quick form may skip what a handler call cannot show. */
  run(context: StressContext): Promise<ScenarioResult>;
}
