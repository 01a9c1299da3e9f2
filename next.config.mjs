/**
 * Headers on every answer (README, "Reliability and security"). A page's Content-Security-Policy
 * carries a fresh nonce, so proxy.ts sets it per request; API answers load nothing and get a fixed one.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/**
 * `/api/models` sends brotli it compressed once per catalog version; Next drops a route handler's
 * own `Content-Encoding`, so the header is set here, for requests whose `Accept-Encoding` names br.
 * The pattern is ACCEPTS_BROTLI_PATTERN in lib/server/http/brotli-answer.ts (a test checks both agree).
 */
const acceptsBrotli = [{ type: "header", key: "accept-encoding", value: "(?:.*,)?\\s*br\\s*(?:,.*)?" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets tests build into their own folder without touching the developer's `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  images: { unoptimized: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
      { source: "/api/models", has: acceptsBrotli, headers: [{ key: "Content-Encoding", value: "br" }] },
      // Pages link the icons with their content hash in the query. A browser asks for the favicon
      // again after every address change (each keystroke of a catalog search): from its cache.
      ...["/icon.svg", "/apple-icon.png"].map((source) => ({
        source,
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      })),
    ];
  },
  // The usage ledger's SQLite driver is a native module: loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["libsql"],
  // The gateway's chat routes are Pages API routes (docs/ARCHITECTURE.md, "What a proxied chat costs per
  // request"), whose dependencies are loaded from node_modules at run time, where `server-only` always
  // throws: bundled, it is resolved per layer (a no-op on the server, a build error in the browser).
  transpilePackages: ["server-only"],
};

export default nextConfig;
