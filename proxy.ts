import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security/security-headers";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next reads the nonce from the
 * request's policy header and puts it on the scripts it renders, so pages render per request (the
 * root layout asks for that). API routes and static files get their fixed headers from next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Nor the icons: their answers are cached (next.config.mjs), and a page's policy means nothing to them.
      source: "/((?!api/|_next/static/|_next/image|icon\\.svg|apple-icon\\.png).*)",
      // Prefetches fetch data for a page already open under its own policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
