import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

describe("proxy", () => {
  it("gives each page request a policy with a fresh nonce, on the answer and for Next's renderer", () => {
    const first = proxy(new NextRequest("http://127.0.0.1:3000/settings"));
    const second = proxy(new NextRequest("http://127.0.0.1:3000/settings"));
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) passes the overridden request headers on like this.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("leaves API routes and static files to next.config.mjs", () => {
    const source = config.matcher[0]?.source ?? "";
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    expect(matches("/")).toBe(true);
    expect(matches("/settings")).toBe(true);
    expect(matches("/models/deepseek-ai/DeepSeek-R1")).toBe(true);
    expect(matches("/api/health")).toBe(false);
    expect(matches("/api/v1/chat/completions")).toBe(false);
    expect(matches("/_next/static/chunks/main.js")).toBe(false);
  });
});
