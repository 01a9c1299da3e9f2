import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe("the token stays on the server", () => {
  test("no page and no API response carries the token", async ({ page, request }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      const body = await response.text().catch(() => "");
      bodies.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${body}`);
    });
    for (const route of ["/", "/settings", "/playground", "/onboarding"]) {
      await page.goto(route);
      await page.waitForLoadState("networkidle");
      expect(await page.content()).not.toContain(FAKE_TOKEN);
    }
    for (const route of ["/api/health", "/api/status", "/api/models", "/api/settings", "/api/v1/models"]) {
      const response = await request.get(route);
      bodies.push(await response.text());
      expect(JSON.stringify(response.headers())).not.toContain(FAKE_TOKEN);
    }
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body).not.toContain(FAKE_TOKEN);
  });

  test("the built client bundle holds no token and no token variable's value", () => {
    const staticDir = path.join(e2e.root, e2e.distDir, "static");
    const files = filesUnder(staticDir).filter((file) => /\.(js|css|html|json)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      expect(text, file).not.toContain(FAKE_TOKEN);
      expect(text, file).not.toMatch(/hf_[A-Za-z0-9]{30,}/);
    }
  });
});
