// `npm test`: typecheck, lint, unit tests (Vitest), a production build, end-to-end tests (Playwright in
// Chromium) and the OpenClaw CLI compatibility check; ends with one line `N passed, N failed[, N skipped]`.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { e2e } from "../e2e/env";
import { ensureCli } from "./compat-openclaw/cli";
import { buildIfNeeded, root, run, runCapture, tsNode } from "./lib";

const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const distDir = process.env.NEXT_DIST_DIR || ".next";
const totals = { passed: 0, failed: 0, skipped: 0 };
const gates: string[] = [];
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

// The parts of Vitest's and Playwright's JSON reports the summary line counts.
const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().optional(),
  numTodoTests: z.number().optional(),
  testResults: z.array(z.object({ status: z.string(), assertionResults: z.array(z.unknown()) })).optional(),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

/** The report, or null when it is missing or not what the schema expects (that counts as a failure). */
function readReport<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

async function gate(name: string, command: string, args: string[], env?: Record<string, string>): Promise<number> {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await run(command, args, env ? { env: { ...process.env, ...env } } : {});
  console.log(`=== ${name}: ${code === 0 ? "passed" : "failed"} in ${seconds(started)} ===`);
  if (code !== 0) gates.push(name);
  return code;
}

// The OpenClaw CLI for the last step is an npm install (network and disk, little CPU): it starts now, beside
// the checks, instead of after the end-to-end tests. A failure here is retried, and reported, by that step.
const cliInstalled = process.env.SKIP_COMPAT === "1" ? Promise.resolve() : ensureCli().catch(() => undefined);

// The static checks count as one test each, so a lint or format failure shows in the summary line. tsc and
// ESLint each use one core for a minute or more: they run side by side, and each one's output is printed whole.
const staticChecks: [string, string, string[]][] = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings", "0"]],
  ["format", bin("prettier"), ["--check", "."]],
];
const checksStarted = Date.now();
const checkRuns = staticChecks.map(([, command, args]) => runCapture(command, args, {}, false));
for (const [index, [name]] of staticChecks.entries()) {
  const { code, output } = await (checkRuns[index] as (typeof checkRuns)[number]);
  console.log(`\n=== ${name}: ${code === 0 ? "passed" : "failed"} (the checks so far: ${seconds(checksStarted)}) ===`);
  process.stdout.write(output);
  if (code !== 0) gates.push(name);
  totals[code === 0 ? "passed" : "failed"] += 1;
}

const unitFile = path.join(results, "unit.json");
fs.rmSync(unitFile, { force: true });
await gate("unit tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${unitFile}`,
]);
const unit = readReport(unitFile, vitestReport);
if (unit) {
  totals.passed += unit.numPassedTests;
  // A suite that fails to load has no failed test of its own: count it, or the summary hides it.
  totals.failed +=
    unit.numFailedTests +
    (unit.testResults ?? []).filter((r) => r.status === "failed" && r.assertionResults.length === 0).length;
  totals.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else totals.failed += 1;

console.log("\n=== build ===");
const buildStarted = Date.now();
const built = (await buildIfNeeded(distDir)) === 0;
console.log(`=== build: ${built ? "done" : "failed"} in ${seconds(buildStarted)} ===`);
if (!built) gates.push("build");

// Per E2E_PORT_BASE, as playwright.config.ts writes it: a fixed name would miss every run on another base.
const e2eFile = e2e.resultsFile;
fs.rmSync(e2eFile, { force: true });
if (built) {
  await gate("end-to-end tests (playwright)", bin("playwright"), ["test"], { NEXT_DIST_DIR: distDir });
  const stats = readReport(e2eFile, playwrightReport)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else totals.failed += 1;
}

if (process.env.SKIP_COMPAT !== "1") {
  console.log("\n=== OpenClaw CLI compatibility (npm run test:compat) ===");
  await cliInstalled;
  const compatStarted = Date.now();
  const { code, output } = await runCapture(process.execPath, [
    "--conditions=react-server",
    ...tsNode,
    "scripts/compat-openclaw.ts",
  ]);
  const summary = /^(\d+) passed, (\d+) failed/m.exec(output);
  if (summary) {
    totals.passed += Number(summary[1]);
    totals.failed += Number(summary[2]);
  } else totals.failed += 1;
  console.log(`=== OpenClaw CLI compatibility: ${code === 0 ? "passed" : "failed"} in ${seconds(compatStarted)} ===`);
  if (code !== 0) gates.push("OpenClaw CLI compatibility");
}

if (gates.length > 0) console.log(`\nFailed steps: ${gates.join(", ")}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(gates.length > 0 || totals.failed > 0 ? 1 : 0);
