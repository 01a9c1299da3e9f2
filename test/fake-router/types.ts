/**
 * Wire shapes of the fake Hugging Face router, snake_case exactly as the real
 * `GET /v1/models` sends them (see test/fixtures/hf-router-models.docs-example.json).
 */

export interface RouterProvider {
  provider: string;
  status: "live" | "error";
  context_length?: number;
  pricing?: { input: number; output: number };
  is_free?: boolean;
  supports_tools?: boolean;
  supports_structured_output?: boolean;
  first_token_latency_ms?: number;
  throughput?: number;
  is_model_author?: boolean;
  /** Fields the dashboard does not know must be ignored, so some entries carry one. */
  [extra: string]: unknown;
}

export interface RouterModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  architecture: { input_modalities: string[]; output_modalities: string[] };
  name?: string;
  display_name?: string;
  title?: string;
  providers: RouterProvider[];
  [extra: string]: unknown;
}

/** One request as the fake router saw it, for tests to assert on. */
export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  /** The `model` of a chat request, suffix included, as sent. */
  model?: string;
  stream?: boolean;
  /** Parsed JSON body of a chat request. */
  body?: Record<string, unknown>;
  /** Header names lower-cased; the authorization value is replaced by "[redacted]". */
  headers: Record<string, string>;
  auth: "valid" | "invalid" | "none";
  status?: number;
  /** The backend named in `x-inference-provider`, when one was picked. */
  provider?: string;
  /** The client went away before the answer was complete. */
  aborted: boolean;
  /** The answer was sent completely (false while streaming, on faults that cut the line). */
  completed: boolean;
}

/** The router answers errors in two shapes: `{ error: "text" }` and `{ error: { message, type } }`. */
export type RouterErrorBody = { error: string } | { error: { message: string; type: string } };
