import type { z } from "zod";
import { readApiError } from "@/lib/api-error";

/** An error answer of the dashboard's API, with its status, code and parsed body kept. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Fetches JSON from the dashboard's API and parses it with the endpoint's schema. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new ApiRequestError("The dashboard server is not reachable. Is it still running?", 0, null, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, code } = readApiError(body, `Request failed (${response.status})`);
    throw new ApiRequestError(message, response.status, code, body);
  }
  return schema.parse(body);
}
