import "server-only";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/server/http/errors";
import { JOBS, type JobInput, type JobName, type JobOutput } from "./config-jobs";
import type { JobReply, JobRequest } from "./config-worker-protocol";
import { sharedBytes } from "./shared-bytes";

/**
 * Runs the config jobs (config-jobs.ts) on one worker thread, so a big config is hashed, decoded,
 * scanned, edited and verified while this thread goes on answering requests. A file below
 * OFF_THREAD_BYTES is handled in this thread: for a few kilobytes the job takes less than the hop
 * (docs/ARCHITECTURE.md, "The config writer's invariants"). One worker is enough: writes are serialised
 * and reads are cached. No pool library (piscina, tinypool): they take the worker's file name, and Next
 * bundles a worker's TypeScript only for `new Worker(new URL("./file.ts", import.meta.url))` written here.
 */

/**
 * Below this many bytes a job runs in this thread. Measured: reading and editing a 64 KB config takes
 * a few milliseconds of CPU, about what the hop to the worker adds; a 1 MB one takes tens.
 */
export const OFF_THREAD_BYTES = 64 * 1024;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Pool {
  worker: Worker;
  pending: Map<number, Pending>;
  next: number;
}

// One worker per process, started at the first big job: on globalThis, as Next may load this module once per route bundle.
const KEY = Symbol.for("hf-model-picker.config-worker");
const holder = globalThis as { [KEY]?: Pool };

function spawn(): Worker {
  // Next bundles the worker's entry (with its imports) when it sees this exact form.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./config-worker.ts", import.meta.url));
  // Vitest and the tsx scripts run the TypeScript source: tsx loads it in the worker too.
  const entry = import.meta.url.replace(/[^/]+$/, "config-worker.ts");
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, execArgv: ["--conditions=react-server"] });
}

function failAll(pool: Pool, error: Error): void {
  if (holder[KEY] === pool) delete holder[KEY];
  for (const pending of pool.pending.values()) pending.reject(error);
  pool.pending.clear();
}

function settle(pool: Pool, reply: JobReply): void {
  const pending = pool.pending.get(reply.id);
  if (!pending) return;
  pool.pending.delete(reply.id);
  // An idle worker does not keep the process alive (scripts and tests end when their work does).
  if (pool.pending.size === 0) pool.worker.unref();
  if (reply.ok) pending.resolve(reply.result);
  else if ("app" in reply)
    pending.reject(new AppError(reply.app.code, reply.app.message, reply.app.issues, reply.app.extra));
  else
    pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
}

function pool(): Pool {
  const existing = holder[KEY];
  if (existing) return existing;
  const created: Pool = { worker: spawn(), pending: new Map(), next: 1 };
  created.worker.on("message", (reply: JobReply) => settle(created, reply));
  // A crashed worker fails the jobs it had; the next job starts a new one.
  created.worker.on("error", (error) => failAll(created, error));
  created.worker.on("exit", (code) => failAll(created, new Error(`the config worker stopped (exit code ${code})`)));
  created.worker.unref();
  holder[KEY] = created;
  return created;
}

/** The input with each of its byte arrays (top-level fields) in shared memory. */
function withSharedBytes<T>(input: T): T {
  if (!input || typeof input !== "object") return input;
  const entries = Object.entries(input).map(([key, value]) => [
    key,
    value instanceof Uint8Array ? sharedBytes(value) : value,
  ]);
  return Object.fromEntries(entries) as T;
}

/** Runs `job` on the worker thread, whatever the size. */
export function runOnWorker<N extends JobName>(job: N, input: JobInput<N>): Promise<JobOutput<N>> {
  const current = pool();
  const id = current.next++;
  return new Promise<JobOutput<N>>((resolve, reject) => {
    current.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    current.worker.ref();
    current.worker.postMessage({ id, job, input: withSharedBytes(input) } satisfies JobRequest);
  });
}

/** Runs `job` in this thread for a small file (`bytes` of input), on the worker for a big one. */
export function runConfigJob<N extends JobName>(job: N, input: JobInput<N>, bytes: number): Promise<JobOutput<N>> {
  if (bytes < OFF_THREAD_BYTES) return (JOBS[job] as (input: JobInput<N>) => Promise<JobOutput<N>>)(input);
  return runOnWorker(job, input);
}

/** Stops the worker, failing the jobs it had; the next job starts a new one (tests). */
export async function stopConfigWorker(): Promise<void> {
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  await current.worker.terminate();
}
