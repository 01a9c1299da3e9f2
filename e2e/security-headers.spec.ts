import { expect, test, type Page } from "@playwright/test";
import { e2e } from "./env";
import { CatalogPage } from "./pages/catalog-page";
import { PlaygroundPage } from "./pages/playground-page";

/** Every Content-Security-Policy violation the page reports, plus the console's CSP errors. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

/** The header badge is rendered by client code after a fetch: seeing it means scripts ran under the policy. */
const hydrated = (page: Page) => expect(page.getByText("token hf_…0000")).toBeVisible();

test.describe("security headers and the Content-Security-Policy", () => {
  const pages: [string, (page: Page) => Promise<void>][] = [
    [
      "/",
      async (page) => {
        const catalog = new CatalogPage(page);
        await catalog.searchFor("deepseek r1");
        await catalog.open("DeepSeek R1");
      },
    ],
    ["/models/deepseek-ai/DeepSeek-R1", async (page) => expect(page).toHaveURL(/model=deepseek-ai\/DeepSeek-R1/)],
    ["/settings", async (page) => expect(page.getByRole("region", { name: "Hugging Face token" })).toBeVisible()],
    ["/onboarding", async (page) => expect(page.getByRole("link", { name: /Create a token/ })).toBeVisible()],
    [
      "/playground",
      async (page) => {
        const playground = new PlaygroundPage(page);
        await playground.send("Hello **world**");
        await expect(playground.replies().last()).toContainText("fake router");
      },
    ],
  ];

  for (const [path, use] of pages) {
    test(`${path} works under its policy, with no violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
      await hydrated(page);
      await use(page);
      expect(await violations()).toEqual([]);
    });
  }

  test("a page's policy has a fresh nonce that Next puts on every script, and no unsafe-eval", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/settings");
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
      expect(nonce).not.toBe("");
      nonces.add(nonce);
      expect(policy).not.toContain("unsafe-eval");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toContain("frame-ancestors 'none'");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
  });

  test("pages, API answers and static files carry the other headers", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0] ?? "";
    expect(asset).not.toBe("");
    const answers = [
      await request.get("/"),
      await request.get("/api/health"),
      await request.get("/api/status"),
      await request.get("/api/v1/models"),
      await request.post("/api/v1/chat/completions", { data: "{not json" }),
      await request.get(asset),
      await request.get(`${e2e.offline.url}/api/models`),
    ];
    for (const answer of answers) {
      const headers = answer.headers();
      expect(headers["x-content-type-options"], answer.url()).toBe("nosniff");
      expect(headers["x-frame-options"], answer.url()).toBe("DENY");
      expect(headers["referrer-policy"], answer.url()).toBe("no-referrer");
      expect(headers["permissions-policy"], answer.url()).toContain("camera=()");
    }
    for (const answer of answers.filter((a) => new URL(a.url()).pathname.startsWith("/api/"))) {
      expect(answer.headers()["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
  });
});
