import type { ApiIssue, ErrorCode } from "@/lib/api-error";

/** The messages between config-worker-client.ts and the config worker (config-worker.ts). */
export interface JobRequest {
  id: number;
  job: string;
  input: unknown;
}

export type JobReply =
  | { id: number; ok: true; result: unknown }
  /** An AppError, rebuilt as one on the other side. */
  | {
      id: number;
      ok: false;
      app: { code: ErrorCode; message: string; issues?: ApiIssue[]; extra?: Record<string, unknown> };
    }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
