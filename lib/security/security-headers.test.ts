import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- next.config.mjs is plain JavaScript, typed by its JSDoc only
import config from "@/next.config.mjs";
import { newNonce, pageContentSecurityPolicy } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d] as const));

describe("pageContentSecurityPolicy", () => {
  it("lets only this request's nonce run scripts, and never eval, in production", () => {
    const policy = directives(pageContentSecurityPolicy("abc123"));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'none'");
    expect(policy.get("img-src")).toBe("img-src 'self' data: blob:");
    expect(pageContentSecurityPolicy("abc123")).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("relaxes only development, for React's debugging eval and hot-reloaded styles", () => {
    const policy = directives(pageContentSecurityPolicy("abc123", true));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("next.config headers", () => {
  it("sends nosniff, DENY framing and no-referrer on every path, and a load-nothing policy on the API", async () => {
    const rules = (await (config as NextConfig).headers?.()) ?? [];
    const all = rules.find((rule) => rule.source === "/:path*");
    const headers = Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]));
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    });
    const api = rules.find((rule) => rule.source === "/api/:path*");
    expect(api?.headers).toEqual([
      {
        key: "Content-Security-Policy",
        value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      },
    ]);
  });
});
