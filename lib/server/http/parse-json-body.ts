import "server-only";
import type { z } from "zod";
import { AppError } from "./errors";

/** Parses a JSON request body with its schema; a bad body is a 400 naming the fields. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new AppError("bad_request", "The request body does not have the expected fields.", issues);
  }
  return result.data;
}

/** Like parseJsonBody, but an empty body (or none) is undefined: for routes where "no body" means "the saved state". */
export async function parseOptionalJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await request.text().catch(() => "");
  if (text.trim() === "") return undefined;
  return parseJsonBody(new Request(request.url, { method: "POST", body: text }), schema);
}
