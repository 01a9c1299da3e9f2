/**
 * A page's Content-Security-Policy (README, "Reliability and security"), set by proxy.ts with a fresh
 * nonce per request. The fixed headers of every answer, and the API's policy, are in next.config.mjs.
 */

/**
 * A page's policy. Scripts run only with this request's nonce (Next puts it on its own scripts and
 * inline flight data); 'strict-dynamic' lets those load their chunks. Style elements need the nonce
 * too; style attributes stay allowed (the virtualised list positions rows with them, and an attribute
 * cannot run code). Images only from the dashboard itself, so a Markdown answer cannot beacon out.
 * Development relaxes scripts and styles for React's debugging eval and hot reloading.
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
