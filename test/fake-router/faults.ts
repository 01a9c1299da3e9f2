/**
 * Scripted failures, chosen by the `x-fake-fault` header or by a `fault/<name>` model id
 * (so a dashboard that only forwards a ref can trigger them too). Besides the statuses:
 * - hang: the request is accepted and nothing is ever sent;
 * - drop: the connection is cut mid-answer (a plain answer after half its JSON);
 * - malformed: a stream with a chunk that is not JSON mid-way, or a plain answer of half a JSON;
 * - slow: a whole stream at a pace a person can press Stop in;
 * - not-sse: a stream request answered 200 with an HTML page (a proxy's error page);
 * - broken-first-event: a stream whose first event is cut-off JSON;
 * - stall-body: 200 and the headers, then nothing (a plain answer whose body never comes).
 */
import type { RouterErrorBody } from "./types";

export const FAULTS = [
  "status-400",
  "status-401",
  "status-402",
  "status-404",
  "status-429",
  "status-500",
  "status-503",
  "hang",
  "drop",
  "malformed",
  "slow",
  "not-sse",
  "broken-first-event",
  "stall-body",
] as const;

/** Pause between chunks for the "slow" fault: long enough to press Stop mid-answer. */
export const SLOW_CHUNK_DELAY_MS = 250;

export type Fault = (typeof FAULTS)[number];
export type StatusFault = Extract<Fault, `status-${string}`>;

export function isFault(value: string): value is Fault {
  return (FAULTS as readonly string[]).includes(value);
}

export function isStatusFault(fault: Fault): fault is StatusFault {
  return fault.startsWith("status-");
}

/** The fault a `fault/<name>[:suffix]` model id asks for, if it names one. */
export function faultFromModelId(id: string): Fault | undefined {
  if (!id.startsWith("fault/")) return undefined;
  const name = id.slice("fault/".length);
  return isFault(name) ? name : undefined;
}

export interface FaultAnswer {
  status: number;
  body: RouterErrorBody;
  headers: Record<string, string>;
}

/** The error answer of a status fault, in the shape the real router uses for that status. */
export function statusFaultAnswer(fault: StatusFault, modelId: string): FaultAnswer {
  switch (fault) {
    case "status-400":
      return {
        status: 400,
        headers: {},
        body: {
          error: {
            message: "Bad request: the provider rejected the request (scripted fault).",
            type: "invalid_request_error",
          },
        },
      };
    case "status-401":
      return {
        status: 401,
        headers: {},
        body: { error: { message: "Invalid credentials in Authorization header", type: "invalid_request_error" } },
      };
    case "status-402":
      return {
        status: 402,
        headers: {},
        body: {
          error:
            "You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.",
        },
      };
    case "status-404":
      return {
        status: 404,
        headers: {},
        body: { error: `Model ${modelId} is not supported by any provider you have enabled.` },
      };
    case "status-429":
      return {
        status: 429,
        headers: { "retry-after": "7" },
        body: {
          error: { message: "Rate limit reached for requests. Please retry in 7 seconds.", type: "rate_limit_error" },
        },
      };
    case "status-500":
      return {
        status: 500,
        headers: {},
        body: {
          error: {
            message: "Internal server error while contacting the provider (scripted fault).",
            type: "server_error",
          },
        },
      };
    case "status-503":
      return {
        status: 503,
        headers: {},
        body: { error: "Service Unavailable: the provider is overloaded, please try again later." },
      };
  }
}
