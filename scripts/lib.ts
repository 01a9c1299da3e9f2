// Small helpers shared by the npm scripts (run with `node --import tsx`, no build step needed).
import { spawn, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** Arguments that make `node` run a TypeScript file (tsx's loader, in the same process). */
export const tsNode = ["--import", "tsx"];

/** Runs a command, streaming its output; resolves with the exit code. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs a command, streaming its output and keeping a copy (or only keeping it, with `echo` false, for
 * commands run side by side whose output is printed whole afterwards); resolves with the exit code and the output.
 */
export function runCapture(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
  echo = true,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], ...options });
    let output = "";
    const keep = (stream: NodeJS.ReadableStream | null, target: NodeJS.WritableStream) =>
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (echo) target.write(chunk);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "pages",
  "public",
  "package.json",
  "package-lock.json",
  "next.config.mjs",
  "postcss.config.mjs",
  "instrumentation.ts",
  "proxy.ts",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when `<distDir>/BUILD_ID` is missing or older than any source file. */
export function buildIsStale(distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}

export async function buildIfNeeded(distDir: string): Promise<number> {
  if (!buildIsStale(distDir)) return 0;
  console.log(`> building the dashboard into ${distDir} (first run or sources changed)…`);
  return run(process.execPath, [nextBin, "build"], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || host.startsWith("127.");
