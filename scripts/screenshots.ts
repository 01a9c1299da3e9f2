/**
 * Takes the README's screenshots from a running dashboard (start `npm run demo` first).
 * Usage: npx tsx scripts/screenshots.ts [baseUrl]
 */
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = path.resolve(import.meta.dirname, "..", "docs", "screenshots");
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Saves settings through the API as the settings page does (the file's current ETag in If-Match). */
async function save(settings: { primary: string; fallbacks: string[] }): Promise<void> {
  const state = (await (await fetch(`${base}/api/settings`)).json()) as {
    etag: string;
    aliases: Record<string, string>;
  };
  const answer = await fetch(`${base}/api/settings`, {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": state.etag, origin: base },
    body: JSON.stringify({ ...settings, aliases: state.aliases }),
  });
  if (!answer.ok) throw new Error(`saving settings failed: ${answer.status} ${await answer.text()}`);
}

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

  // Two saves, so the history has versions to show: a primary, then a fallback.
  await save({ primary: "huggingface/deepseek-ai/DeepSeek-R1:cheapest", fallbacks: [] });
  await save({ primary: "huggingface/deepseek-ai/DeepSeek-R1:cheapest", fallbacks: ["huggingface/Qwen/Qwen3-8B"] });
  await page.goto(`${base}/settings`);
  await page.getByRole("heading", { name: "Settings" }).waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, "settings.png") });
  const history = page.getByRole("region", { name: "History of the config file" });
  // The version before the newest one: its changes against the file now are the fallback just added.
  const previous = history.getByRole("listitem").nth(1);
  await previous.getByRole("button", { name: "Show changes" }).click();
  await previous.getByRole("region", { name: /against the file now$/ }).waitFor();
  // Tall enough that the save bar at the bottom of the window does not cover the panel.
  await page.setViewportSize({ width: 1440, height: 1600 });
  await history.screenshot({ path: path.join(out, "history.png") });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${base}/playground`);
  const prompt = page.getByRole("textbox", { name: /message|ask|prompt/i }).last();
  await prompt.fill("Give me a short list and a code sample");
  await prompt.press("Enter");
  await page.getByText("Done.").first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(out, "playground.png") });

  // Two API clients' requests beside that chat, so the usage page has more than one model to show.
  for (const model of ["huggingface/Qwen/Qwen3-8B:novita", "huggingface/meta-llama/Llama-3.3-70B-Instruct:fastest"]) {
    const answer = await fetch(`${base}/api/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "How much did this cost?" }] }),
    });
    await answer.text();
  }
  // The usage page shows those requests (and whatever else went through the demo's gateway).
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`${base}/usage`);
  await page.getByRole("heading", { name: "Usage", level: 1 }).waitFor();
  await page.getByRole("table").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, "usage.png"), fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
