/**
 * Renders app/icon.svg into the PNG icons a home-screen entry needs (browsers and iOS want PNGs at fixed
 * sizes; the SVG stays the tab icon). Run after changing app/icon.svg: npm run icons
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const svg = fs.readFileSync(path.join(root, "app", "icon.svg"), "utf8");
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The icon's own amber, as a full-bleed background where the platform crops or forbids transparency. */
const TILE = "#fbbf24";

const icons = [
  // "any": the round face on transparency.
  { file: "public/icons/icon-192.png", size: 192, tile: false },
  { file: "public/icons/icon-512.png", size: 512, tile: false },
  // "maskable" and iOS: the platform cuts its own shape, so the face sits inside the central safe zone.
  { file: "public/icons/icon-maskable-512.png", size: 512, tile: true },
  { file: "app/apple-icon.png", size: 180, tile: true },
];

const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await browser.newPage();
  for (const { file, size, tile } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const inner = tile ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${tile ? TILE : "transparent"}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${inner}" height="${inner}"></body>`,
    );
    await page.screenshot({ path: path.join(root, file), omitBackground: !tile });
    console.log(`${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
