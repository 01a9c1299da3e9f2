import { expect, test } from "@playwright/test";
import { e2e, FAKE_TOKEN } from "./env";
import { QWEN, readConfigText, removeConfig, writeConfig } from "./pages/config-file";
import { SettingsPage } from "./pages/settings-page";

const stateDir = e2e.live.stateDir;
const ROUTE = `${e2e.live.url}/api/openclaw/v1`;

test.afterAll(() => removeConfig(stateDir));

test("routes OpenClaw through the dashboard with a saved switch, labels its requests, and switches back", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  writeConfig(stateDir, `{\n  // mine\n  agents: { defaults: { model: { primary: "${QWEN}" } } },\n}\n`);
  const settings = new SettingsPage(page);
  await settings.goto(e2e.live.url);
  const route = page.getByRole("switch", { name: "Route OpenClaw through the dashboard" });
  await expect(route).not.toBeChecked();
  await expect(page.getByText("OpenClaw then needs the dashboard running")).toBeVisible();

  await route.check();
  // The preview shows the line the save will write, before anything is written.
  await expect(settings.preview).toContainText(`baseUrl: "${ROUTE}"`);
  expect(readConfigText(stateDir)).not.toContain("baseUrl");
  await settings.save();
  await expect(settings.saveState("Saved")).toBeVisible();
  expect(readConfigText(stateDir)).toContain(`baseUrl: "${ROUTE}"`);
  expect(readConfigText(stateDir)).toContain("// mine");

  // A request the way OpenClaw sends it: bare id with a suffix, its own HF key as bearer token.
  const answer = await request.post(`${ROUTE}/chat/completions`, {
    headers: { authorization: `Bearer ${FAKE_TOKEN}` },
    data: { model: "Qwen/Qwen3-8B:cheapest", messages: [{ role: "user", content: "hi" }] },
  });
  expect(answer.status()).toBe(200);
  await expect
    .poll(async () => {
      const usage = (await (await request.get("/api/usage?client=openclaw")).json()) as {
        recent: { requested: string; costUsd: number | null }[];
      };
      const row = usage.recent[0];
      return row ? { requested: row.requested, priced: typeof row.costUsd === "number" } : null;
    })
    .toEqual({ requested: "Qwen/Qwen3-8B:cheapest", priced: true });

  await page.reload();
  await expect(route).toBeChecked();
  await route.uncheck();
  await settings.save();
  await expect(settings.saveState("Saved")).toBeVisible();
  expect(readConfigText(stateDir)).toContain(`baseUrl: "${e2e.fakeRouterUrl}"`);
});
