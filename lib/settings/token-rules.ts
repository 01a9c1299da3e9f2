/**
 * What a token may be (README, "Reliability and security"): one line of visible ASCII, as HF tokens
 * are (`hf_` + letters and digits). Anything else could not be sent in an HTTP header, so the token
 * form and the server refuse it with the reason, before a working token is replaced.
 */

export const TOKEN_MAX_LENGTH = 512;

/** The character the dashboard's mask uses (`hf_…x7Qz`). */
const ELLIPSIS = "\u2026";
const QUOTES = new Set(['"', "'", "`", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u201a", "\u00ab", "\u00bb"]);
/** Visible ASCII that no token has and that would change the meaning of a `.env` line. */
const ENV_BREAKERS = new Set(["#", "\\"]);

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

function characterProblem(char: string): string | null {
  if (char === ELLIPSIS)
    return "This is the masked token the dashboard shows (like hf_…x7Qz), not the token itself: paste the whole token from your Hugging Face settings.";
  if (/\s/u.test(char)) return "A token has no spaces or line breaks: paste only the token.";
  if (/\p{Cc}/u.test(char))
    return `The token contains an invisible control character (${codePoint(char)}): paste only the token.`;
  if (QUOTES.has(char)) return `The token contains a quotation mark (${char}): paste the token without quotes.`;
  if (/[\p{Cf}\p{Cs}]/u.test(char))
    return `The token contains an invisible character (${codePoint(char)}): paste the token again, without it.`;
  if (ENV_BREAKERS.has(char) || !/^[\x21-\x7e]$/.test(char)) {
    return `The token contains “${char}” (${codePoint(char)}), which no token has: a Hugging Face token is plain letters and digits (hf_…).`;
  }
  return null;
}

/** Why this (already trimmed) value cannot be a token, or null when it can. Never echoes the token. */
export function tokenProblem(token: string): string | null {
  if (token === "") return "Paste a Hugging Face token.";
  if (token.length > TOKEN_MAX_LENGTH) return "This is too long to be a Hugging Face token.";
  // The mask first: it also holds other characters a token lacks, but this is the reason to give.
  if (token.includes(ELLIPSIS)) return characterProblem(ELLIPSIS);
  for (const char of token) {
    const problem = characterProblem(char);
    if (problem) return problem;
  }
  return null;
}

/** The pasted value trimmed (a copied line break or space around it is harmless), and its problem if any. */
export function checkTokenInput(raw: string): { token: string; problem: string | null } {
  const token = raw.trim();
  return { token, problem: tokenProblem(token) };
}

/** True for the error fetch or node:http throws when a header value holds a character HTTP cannot carry. */
export function isHeaderValueError(error: unknown): boolean {
  return (
    error instanceof TypeError && /ByteString|invalid header value|invalid character in header/i.test(error.message)
  );
}
