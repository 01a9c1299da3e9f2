/*
 * Number columns of the catalog's wire shape (README, "The catalog on the wire"): one string per
 * column, values joined by ",". A value that is a whole number of `1 / scale` units is written in
 * base 36 (`-` for negatives); any other number as `~` and its decimal text; `null` as nothing.
 * Base 36 takes fewer characters than decimal digits, and brotli packs the rest: at 10,000 models
 * this is what keeps the compressed list under 150 KB.
 */

/** Tolerance for "a whole number of units": 0.07 × 100 is 7.000000000000001 in floating point. */
const EPSILON = 1e-6;

function packValue(value: number | null, scale: number): string {
  if (value === null) return "";
  const units = value * scale;
  const whole = Math.round(units);
  if (Math.abs(units - whole) < EPSILON && Number.isSafeInteger(whole)) return whole.toString(36);
  return `~${value}`;
}

export function packColumn(values: readonly (number | null)[], scale = 1): string {
  return values.map((value) => packValue(value, scale)).join(",");
}

const BASE36 = /^-?[0-9a-z]+$/;

/**
 * The column's `length` values (the length tells `[]` from `[null]`, both ""); throws on text no
 * packColumn wrote or on the wrong number of values (a corrupt or foreign answer).
 */
export function unpackColumn(text: string, length: number, scale = 1): (number | null)[] {
  const parts = length === 0 && text === "" ? [] : text.split(",");
  if (parts.length !== length) throw new Error(`${parts.length} values where ${length} were expected`);
  return parts.map((part) => {
    if (part === "") return null;
    if (part.startsWith("~")) {
      const value = Number(part.slice(1));
      if (part.length === 1 || !Number.isFinite(value)) throw new Error(`not a number: "${part}"`);
      return value;
    }
    if (!BASE36.test(part)) throw new Error(`not a base-36 number: "${part}"`);
    // 7 / 100 is the same double as the literal 0.07: cents come back exactly.
    return parseInt(part, 36) / scale;
  });
}
