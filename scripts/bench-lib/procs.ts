/** Processes for the benchmarks: each in its own process group, so stopping it stops its children. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env, detached: true, stdio: "ignore" });
}

/** Ends a child's process group and waits for the child to exit (SIGKILL after 5 s). */
export async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // Already gone.
  }
  const kill = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }, 5_000);
  await exited;
  clearTimeout(kill);
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
