/**
 * The config worker thread (started by config-worker-client.ts): runs each job it is sent
 * (config-jobs.ts) and answers with its result, or with the error it threw as plain data.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/server/http/errors";
import { JOBS, type JobName } from "./config-jobs";
import type { JobReply, JobRequest } from "./config-worker-protocol";

async function answer(request: JobRequest): Promise<void> {
  let reply: JobReply;
  try {
    const run = JOBS[request.job as JobName] as (input: unknown) => Promise<unknown>;
    const result = await run(request.input);
    // Bytes in a result are in shared memory (shared-bytes.ts): posting them copies nothing.
    parentPort?.postMessage({ id: request.id, ok: true, result } satisfies JobReply);
    return;
  } catch (error) {
    reply =
      error instanceof AppError
        ? {
            id: request.id,
            ok: false,
            app: { code: error.code, message: error.message, issues: error.issues, extra: error.extra },
          }
        : {
            id: request.id,
            ok: false,
            error: {
              name: (error as Error)?.name ?? "Error",
              message: String((error as Error)?.message ?? error),
              stack: (error as Error)?.stack,
            },
          };
  }
  parentPort?.postMessage(reply);
}

parentPort?.on("message", (request: JobRequest) => void answer(request));
