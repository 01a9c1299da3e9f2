/**
 * Takes the README's screenshots from a running dashboard (start `npm run demo` first).
 * Usage: npx tsx scripts/screenshots.ts [baseUrl]
 */
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = path.resolve(import.meta.dirname, "..", "docs", "screenshots");
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/?q=deepseek&model=${encodeURIComponent("deepseek-ai/DeepSeek-R1")}&via=cheapest`);
  await page.getByRole("heading", { name: "DeepSeek R1" }).first().waitFor();
  await page.screenshot({ path: path.join(out, "catalog.png") });

  await page.goto(`${base}/settings`);
  await page.getByRole("heading", { name: "Settings" }).waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, "settings.png") });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${base}/playground`);
  const prompt = page.getByRole("textbox", { name: /message|ask|prompt/i }).last();
  await prompt.fill("Give me a short list and a code sample");
  await prompt.press("Enter");
  await page.getByText("Done.").first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(out, "playground.png") });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
