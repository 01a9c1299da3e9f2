import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import type { Scenario } from "../types";

const PATHS = [
  "/api/health",
  "/api/status",
  "/api/models",
  "/api/models?refresh=1",
  "/api/token",
  "/api/settings",
  "/api/settings/preview",
  "/api/v1/models",
  "/api/v1/chat/completions",
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
/** The routes as they are meant to be called: most requests reach a handler's checks. */
const ROUTES: [string, string][] = [
  ["GET", "/api/status"],
  ["GET", "/api/models"],
  ["GET", "/api/token"],
  ["PUT", "/api/token"],
  ["DELETE", "/api/token"],
  ["GET", "/api/settings"],
  ["PUT", "/api/settings"],
  ["POST", "/api/settings/preview"],
  ["GET", "/api/v1/models"],
  ["POST", "/api/v1/chat/completions"],
];

/** Bodies from plain junk to the right shapes with wrong values, so the checks deep inside are reached too. */
const body = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record({ token: fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("hf_…x7Qz", "“hf_abc”", "hf_令牌")) })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      primary: fc.oneof(fc.constant(null), fc.string(), fc.constantFrom("Qwen/Qwen3-8B", "huggingface/x:bad suffix")),
      fallbacks: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
      aliases: fc.dictionary(fc.string(), fc.oneof(fc.string({ unit: "binary" }), fc.jsonValue())),
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        model: fc.oneof(fc.string(), fc.constantFrom("default", "Qwen/Qwen3-8B", "huggingface/Qwen/Qwen3-8B:nope")),
        messages: fc.oneof(
          fc.jsonValue(),
          fc.array(fc.record({ role: fc.constantFrom("user", "system", "x"), content: fc.string() }), { maxLength: 3 }),
        ),
        stream: fc.oneof(fc.boolean(), fc.jsonValue()),
        max_tokens: fc.oneof(fc.integer({ min: -5, max: 8 }), fc.string()),
        models: fc.array(fc.string(), { maxLength: 10 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

const anyRoute = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc.oneof(
    fc.constantFrom(...PATHS),
    fc.tuple(fc.constantFrom(...PATHS), fc.webPath()).map(([p, extra]) => `${p}${extra}`),
  ),
});
const request = fc.record({
  route: fc.oneof(
    { arbitrary: fc.constantFrom(...ROUTES).map(([method, path]) => ({ method, path })), weight: 4 },
    { arbitrary: anyRoute, weight: 1 },
  ),
  contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
  ifMatch: fc.option(fc.oneof(fc.string(), fc.constant('"0"')), { nil: undefined }),
  origin: fc.option(fc.constantFrom("http://127.0.0.1:3000", "https://evil.example", "null", "not a url"), {
    nil: undefined,
  }),
  body,
});

/**
 * Random methods, paths, headers and bodies across the API: whatever arrives, the answer is never a
 * 5xx (a crash, an unhandled case) and the saved token is never replaced by junk.
 */
export const scenario: Scenario = {
  name: "fuzzed API requests",
  async run({ scale, target, configPath }) {
    const count = scale === "full" ? 2000 : 150;
    const envFile = path.join(path.dirname(configPath), ".env");
    const envBefore = await fs.readFile(envFile, "utf8").catch(() => "");
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const started = performance.now();
    await fc
      .assert(
        fc.asyncProperty(request, async ({ route: { method, path: url }, ...r }) => {
          const headers: Record<string, string> = {};
          if (r.contentType) headers["content-type"] = r.contentType;
          if (r.ifMatch !== undefined) headers["if-match"] = r.ifMatch;
          if (r.origin !== undefined) headers.origin = r.origin;
          const hasBody = method !== "GET" && method !== "OPTIONS";
          const response = await target
            .fetch(url, { method, headers, body: hasBody ? r.body : undefined })
            .catch((error: unknown) => new Response(String(error), { status: 599 }));
          await response.text().catch(() => "");
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500 && failures.length < 5)
            failures.push(`5xx: ${method} ${url} ${r.body.slice(0, 80)} → ${response.status}`);
          // DELETE /api/token may legitimately remove the token; put it back for the other scenarios.
          if (method === "DELETE") await fs.writeFile(envFile, envBefore, { mode: 0o600 });
        }),
        { numRuns: count, seed: 20_260_901 },
      )
      .catch((error: unknown) => {
        failures.push(`the fuzzer itself failed: ${String(error).slice(0, 500)}`);
      });
    const seconds = (performance.now() - started) / 1000;
    const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    const problems = [...failures];
    if (fiveHundreds > failures.length) problems.push(`${fiveHundreds} answers were 5xx in all`);
    const envAfter = await fs.readFile(envFile, "utf8").catch(() => "");
    if (envAfter !== envBefore) problems.push("the saved token changed");
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
    return {
      figures: { requests: count, "5xx": fiveHundreds, statuses: byStatus, seconds: seconds.toFixed(1) },
      problems,
    };
  },
};
