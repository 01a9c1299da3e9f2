/**
 * How well one query term matches one word of the catalog (lib/catalog/catalog-search.ts sums these
 * per model): exact, prefix, whole substring, one typo, abbreviation. It runs over every word of
 * the catalog for each new term, so it builds no strings.
 */

/** Score of one query term against one token, best first. */
export const SCORE = { exact: 10, prefix: 8, substring: 6, typo: 4, abbreviation: 3, partialNumber: 2 } as const;

export const isDigit = (char: string | undefined): boolean => char !== undefined && char >= "0" && char <= "9";

/** True when `a` becomes `b` with at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  return withinOneEditOfPrefix(a, b, b.length);
}

/** `a.slice(from)` equals `b.slice(bFrom, bEnd)`, without building either slice. */
function sameRest(a: string, from: number, b: string, bFrom: number, bEnd: number): boolean {
  if (a.length - from !== bEnd - bFrom) return false;
  for (let i = from, j = bFrom; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * `withinOneEdit(a, b.slice(0, length))` without the slice: the typo check runs over every word of
 * the catalog for each new term, and building strings there was most of a keystroke's search.
 */
function withinOneEditOfPrefix(a: string, b: string, length: number): boolean {
  const gap = a.length - length;
  if (gap > 1 || gap < -1) return false;
  let i = 0;
  while (i < a.length && i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (gap === 0) {
    if (sameRest(a, i + 1, b, i + 1, length)) return true;
    return (
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameRest(a, i + 2, b, i + 2, length)
    );
  }
  return gap > 0 ? sameRest(a, i + 1, b, i, length) : sameRest(a, i, b, i + 1, length);
}

function isAbbreviation(term: string, token: string): boolean {
  if (term[0] !== token[0] || term.length < token.length * 0.4) return false;
  let at = 0;
  for (const char of token) if (char === term[at]) at++;
  return at === term.length;
}

export const digitsOf = (text: string): string => text.replace(/[^0-9]/g, "");

/** The digits of `token.slice(0, length)` are exactly `digits`, in order (counted, not built). */
function sameDigits(digits: string, token: string, length: number): boolean {
  let at = 0;
  for (let i = 0; i < length; i++) {
    const code = token.charCodeAt(i);
    if (code >= 48 && code <= 57 && digits.charCodeAt(at++) !== code) return false;
  }
  return at === digits.length;
}

/** True when `text` contains `term` without cutting a number in two ("qwen3" is not in "qwen32b"). */
export function containsWhole(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const cutsBefore = isDigit(term[0]) && isDigit(text[at - 1]);
    const cutsAfter = isDigit(term[term.length - 1]) && isDigit(text[at + term.length]);
    if (!cutsBefore && !cutsAfter) return true;
  }
  return false;
}

/** How well one query term matches one token (0 = not at all). Numbers are never typos: 3 is not 2. */
export function termScore(term: string, token: string): number {
  return scoreAgainst(term, digitsOf(term), token);
}

/** `termScore`, with the term's digits found once per term rather than once per token. */
export function scoreAgainst(term: string, termDigits: string, token: string): number {
  if (token === term) return SCORE.exact;
  if (token.startsWith(term)) {
    // "7" on the way to "70b" still shows something, but below whole numbers.
    return isDigit(term[term.length - 1]) && isDigit(token[term.length]) ? SCORE.partialNumber : SCORE.prefix;
  }
  if (term.length >= 3 && containsWhole(token, term)) return SCORE.substring;
  if (term.length >= 4) {
    // A typo anywhere in the word, or in the part of a longer word the user has typed so far.
    for (let length = term.length - 1; length <= term.length + 1 && length <= token.length; length++) {
      if (sameDigits(termDigits, token, length) && withinOneEditOfPrefix(term, token, length)) return SCORE.typo;
    }
  }
  if (term.length >= 3 && token.length > term.length && isAbbreviation(term, token)) return SCORE.abbreviation;
  return 0;
}
