/** Deterministic pseudo-random numbers keyed by strings, so every run serves the same list. */

/** FNV-1a 32-bit hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stable number in [0, 1) for `key`. */
export function unit(key: string): number {
  // One round of an integer mixer so keys that differ in one character spread well.
  let x = hash(key);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 0x1_0000_0000;
}

/** A stable number in [min, max) for `key`. */
export function between(key: string, min: number, max: number): number {
  return min + unit(key) * (max - min);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
