import { defineConfig, devices } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./e2e/env";

const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const useSystemChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH !== "";
const dashboard = (port: number, stateDir: string, routerUrl: string, token = "") => ({
  command: `node --import tsx scripts/e2e-dashboard.ts ${port} ${stateDir} ${routerUrl} ${token}`.trim(),
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: { NEXT_DIST_DIR: e2e.distDir },
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Generous: on a shared 2-core machine under load a catalog journey takes ~30 s that takes 5 s when quiet.
  // A broken journey still fails, only later.
  timeout: 90_000,
  expect: {
    timeout: 10_000,
    // Still pictures: no running animations, no blinking caret, CSS pixels whatever the display.
    toHaveScreenshot: { animations: "disabled", caret: "hide", scale: "css" },
  },
  // Baselines for this machine's Debian Chromium, committed; `--update-snapshots` rewrites them.
  snapshotPathTemplate: "{testDir}/screenshots/{testFileName}/{arg}{ext}",
  // Per port base, so two runs on one machine never wipe each other's traces and reports.
  outputDir: `test-results/e2e-${e2e.fakeRouterPort - 10}`,
  reporter: [["list"], ["json", { outputFile: e2e.resultsFile }]],
  use: {
    baseURL: e2e.live.url,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      ...(useSystemChromium ? { executablePath: chromiumPath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx test/fake-router/main.ts --port ${e2e.fakeRouterPort} --token ${FAKE_TOKEN}`,
      url: `http://127.0.0.1:${e2e.fakeRouterPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    dashboard(e2e.live.port, e2e.live.stateDir, e2e.fakeRouterUrl, FAKE_TOKEN),
    dashboard(e2e.fresh.port, e2e.fresh.stateDir, e2e.fakeRouterUrl),
    dashboard(e2e.offline.port, e2e.offline.stateDir, "http://127.0.0.1:9/v1"),
  ],
});
