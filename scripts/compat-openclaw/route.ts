/**
 * The "route OpenClaw through the dashboard" check (README, "Route OpenClaw through the dashboard"):
 * a dashboard (the production build) in front of the fake router, the switch turned on through
 * the settings API as the page does it (`If-Match`), then the real CLI's
 * `openclaw infer model run --local` must answer through the dashboard, and the request must be in
 * the usage ledger as `openclaw`, with the cost of the provider that answered at its price.
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { startFakeRouter } from "@/test/fake-router/server";
import { runPorts } from "@/test/fetch-ports";
import { buildIfNeeded } from "../lib";

const TOKEN = "hf_fake_compat_route_0000";
const MODEL = "meta-llama/Llama-3.3-70B-Instruct:cheapest";
const PROMPT = "compat check through the dashboard";
const PORT = runPorts().compatRoute;
const DASHBOARD = `http://127.0.0.1:${PORT}`;

type RunOpenClaw = (
  stateDir: string,
  args: string[],
  extraEnv: Record<string, string>,
) => Promise<{ code: number; stdout: string; stderr: string }>;

interface UsageRow {
  client: string;
  requested: string | null;
  provider: string | null;
  status: number;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

/** Returns the problems found; empty when OpenClaw answered through the dashboard and the ledger shows it. */
export async function checkRoutedThroughDashboard(openclaw: RunOpenClaw): Promise<string[]> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if ((await buildIfNeeded(distDir)) !== 0) return ["the dashboard could not be built"];
  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), "compat-route-"));
  const router = await startFakeRouter({ token: TOKEN });
  const dashboard = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/e2e-dashboard.ts", String(PORT), stateDir, router.url, TOKEN],
    { env: { ...process.env, NEXT_DIST_DIR: distDir }, stdio: "ignore", detached: true },
  );
  try {
    await waitFor(`${DASHBOARD}/api/health`, 60_000);
    const headers = { "content-type": "application/json", origin: DASHBOARD };
    const current = await fetch(`${DASHBOARD}/api/settings`, { headers: { origin: DASHBOARD } });
    const saved = await fetch(`${DASHBOARD}/api/settings`, {
      method: "PUT",
      headers: { ...headers, "if-match": current.headers.get("etag") ?? "" },
      body: JSON.stringify({ primary: `huggingface/${MODEL}`, fallbacks: [], aliases: {}, routeOpenClaw: true }),
    });
    if (!saved.ok) return [`turning the switch on failed: ${saved.status} ${await saved.text()}`];

    const result = await openclaw(
      stateDir,
      ["infer", "model", "run", "--local", "--model", `huggingface/${MODEL}`, "--prompt", PROMPT],
      // OpenClaw's own HF key, and the dashboard reachable past the closed proxy.
      { HF_TOKEN: TOKEN, NO_PROXY: "127.0.0.1,localhost" },
    );
    const problems: string[] = [];
    if (result.code !== 0 || !result.stdout.includes(PROMPT)) {
      problems.push(
        `openclaw infer did not answer (exit ${result.code}): ${(result.stderr || result.stdout).slice(-800)}`,
      );
    }
    const usage = await json<{ recent: UsageRow[] }>(
      await fetch(`${DASHBOARD}/api/usage?client=openclaw`, { headers: { origin: DASHBOARD } }),
    );
    const row = usage.recent[0];
    if (!row) return [...problems, "the ledger has no request labelled openclaw"];
    const catalog = decodeCatalog(wireCatalogSchema.parse(await json<unknown>(await fetch(`${DASHBOARD}/api/models`))));
    const price = catalog.models
      .find((m) => m.id === MODEL.replace(/:.*$/, ""))
      ?.providers.find((p) => p.provider === row.provider)?.pricing;
    const cost = price
      ? ((row.promptTokens ?? 0) * price.input + (row.completionTokens ?? 0) * price.output) / 1_000_000
      : null;
    if (row.requested !== MODEL || row.status !== 200) {
      problems.push(`ledger row: want ${MODEL} answered 200, got ${JSON.stringify(row)}`);
    }
    if (cost === null || row.costUsd === null || Math.abs(row.costUsd - cost) > 1e-12) {
      problems.push(`ledger cost: want ${cost} (${row.provider}'s price by hand), got ${row.costUsd}`);
    } else {
      console.log(
        `  ledger: ${row.requested} at ${row.provider}, ${row.promptTokens} in + ${row.completionTokens} out = $${row.costUsd} (by hand $${cost})`,
      );
    }
    return problems;
  } catch (error) {
    return [`the check failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    if (dashboard.pid) process.kill(-dashboard.pid, "SIGTERM");
    await router.close();
    await fs.rm(stateDir, { recursive: true, force: true });
  }
}
