/** The playground's sampling fields as typed, and the request parameters they stand for. */

export interface ParamsDraft {
  system: string;
  temperature: string;
  maxTokens: string;
  topP: string;
}

export const EMPTY_PARAMS: ParamsDraft = { system: "", temperature: "", maxTokens: "", topP: "" };

export interface NumberSpec {
  key: "temperature" | "maxTokens" | "topP";
  label: string;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
}

export const NUMBER_PARAMS: readonly NumberSpec[] = [
  { key: "temperature", label: "Temperature", min: 0, max: 2, step: 0.1 },
  { key: "maxTokens", label: "Max tokens", min: 1, max: 1_000_000, step: 1, integer: true },
  { key: "topP", label: "Top-p", min: 0, max: 1, step: 0.05 },
];

/** A typed number within its range; no value when blank (the model's default) or invalid. */
export function numberParam(
  text: string,
  spec: Pick<NumberSpec, "min" | "max" | "integer">,
): { value?: number; invalid: boolean } {
  if (text.trim() === "") return { invalid: false };
  const value = Number(text);
  const ok =
    Number.isFinite(value) && value >= spec.min && value <= spec.max && (!spec.integer || Number.isInteger(value));
  return ok ? { value, invalid: false } : { invalid: true };
}

export interface SamplingParams {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
}

export function samplingOf(draft: ParamsDraft): { params: SamplingParams; invalid: boolean } {
  const params: SamplingParams = {};
  let invalid = false;
  for (const spec of NUMBER_PARAMS) {
    const parsed = numberParam(draft[spec.key], spec);
    invalid ||= parsed.invalid;
    if (parsed.value !== undefined) params[spec.key] = parsed.value;
  }
  return { params, invalid };
}
