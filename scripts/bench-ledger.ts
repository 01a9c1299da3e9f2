/**
 * What the usage ledger costs. Prints figures, asserts nothing.
 *
 *   node --conditions=react-server --import tsx scripts/bench-ledger.ts [--runs 50] [--rows 100000]
 *
 * 1. Added latency per request: the gateway streams the same answer from the fake router (no
 *    delay between chunks, so the gateway's own work is what is measured) with and without
 *    recording (budget check, stream metering, usage chunk, pricing, queued write), alternating,
 *    and compares the medians of what a client waits: until the first byte and until the end.
 * 2. Database size per 10,000 requests, and how long the usage page's query takes at N rows.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "50" }, rows: { type: "string", default: "100000" } },
});
const runs = Number(values.runs);
const rows = Number(values.rows);

const TOKEN = "hf_fake_bench_token_0000";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ledger-"));
process.env.HF_PICKER_DATA_DIR = path.join(tmp, "data");
process.env.OPENCLAW_STATE_DIR = path.join(tmp, "state");
process.env.HF_TOKEN = TOKEN;

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

// The fake router in its own process, so this process's CPU time is the gateway's alone.
const ROUTER_PORT = Number(process.env.BENCH_ROUTER_PORT ?? 3585);
const routerUrl = `http://127.0.0.1:${ROUTER_PORT}/v1`;
const tsx = path.join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
const router = spawn(
  process.execPath,
  [tsx, "test/fake-router/main.ts", "--port", String(ROUTER_PORT), "--token", TOKEN, "--chunk-delay", "0"],
  { cwd: path.join(import.meta.dirname, ".."), stdio: "ignore" },
);
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`http://127.0.0.1:${ROUTER_PORT}/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
process.env.HF_ROUTER_URL = routerUrl;
// Imported after the environment is set: they read it.
const { proxyChat } = await import("@/lib/server/gateway/chat-proxy");
const { budgetError, recordOutcome } = await import("@/lib/server/gateway/gateway-ledger");
const { getLedger } = await import("@/lib/server/ledger/ledger");
const { insertRecords } = await import("@/lib/server/ledger/ledger-insert");
const { openLedgerDb } = await import("@/lib/server/ledger/ledger-db");
const { usageReport } = await import("@/lib/server/ledger/usage-report");
const { LedgerService } = await import("@/lib/server/ledger/ledger-service");
const { BudgetGuard } = await import("@/lib/server/ledger/ledger-budget");

const ledger = getLedger();
// A budget makes every request run the real check (spent today and this month).
ledger.budget.set({ dailyUsd: 1000, monthlyUsd: 10_000 });
const messages = [{ role: "user", content: "How fast is the ledger?" }];

async function once(record: boolean): Promise<{ firstByte: number; total: number }> {
  const started = performance.now();
  const at = Date.now();
  if (record && budgetError(ledger.budget)) throw new Error("over budget");
  const facts = { at, client: "api" as const, requested: "Qwen/Qwen3-8B:novita", promptChars: 23 };
  const response = await proxyChat({
    candidates: ["huggingface/Qwen/Qwen3-8B:novita"],
    body: { model: "Qwen/Qwen3-8B:novita", messages, stream: true },
    token: TOKEN,
    routerUrl,
    signal: new AbortController().signal,
    firstByteTimeoutMs: 10_000,
    plainTimeoutMs: 10_000,
    startedAt: at,
    onFinished: record ? (outcome) => void recordOutcome(ledger.service, facts, outcome) : undefined,
  });
  const reader = response.body!.getReader();
  await reader.read();
  const firstByte = performance.now() - started;
  while (!(await reader.read()).done);
  return { firstByte, total: performance.now() - started };
}

/** A block of requests: wall times per request and this process's CPU time per request (writes included). */
async function block(record: boolean) {
  const cpu = process.cpuUsage();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(record));
  if (record) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ledger.service.flush();
  }
  const used = process.cpuUsage(cpu);
  return { samples, cpuMs: (used.user + used.system) / 1000 / runs };
}

for (let i = 0; i < 10; i++) await once(i % 2 === 0); // warm-up: JIT, catalog, database
const results = { without: [] as Awaited<ReturnType<typeof block>>[], with: [] as Awaited<ReturnType<typeof block>>[] };
for (let round = 0; round < 3; round++) {
  results.without.push(await block(false));
  results.with.push(await block(true));
}
const recorded = ledger.service.read((db) => db.prepare("SELECT COUNT(*) AS n FROM requests").get() as { n: number });

console.log(`${runs} streamed requests per block, 3 blocks each, fake router (own process) without chunk delay:`);
const all = (r: typeof results.with) => r.flatMap((b) => b.samples);
for (const [label, pick] of [
  ["first byte", (s: { firstByte: number }) => s.firstByte],
  ["whole answer", (s: { total: number }) => s.total],
] as const) {
  const a = median(all(results.without).map(pick));
  const b = median(all(results.with).map(pick));
  console.log(`  ${label.padEnd(12)} without ${ms(a)} · with ${ms(b)} · added ${ms(b - a)} (median wall time)`);
}
const cpuWithout = median(results.without.map((b) => b.cpuMs));
const cpuWith = median(results.with.map((b) => b.cpuMs));
console.log(
  `  gateway CPU per request: without ${ms(cpuWithout)} · with ${ms(cpuWith)} · added ${ms(cpuWith - cpuWithout)} (median of the blocks)`,
);
console.log(`  rows recorded: ${recorded.n}`);
router.kill();

// Size and query speed.
const dir = path.join(tmp, "size");
const service = new LedgerService({ dataDir: dir, retentionDays: 3650, log: () => undefined });
const now = Date.now();
const record = (i: number) => ({
  at: now - Math.floor((i / rows) * 90 * 86_400_000),
  client: (["api", "playground", "openclaw"] as const)[i % 3]!,
  requested: i % 4 === 0 ? "default" : "deepseek-ai/DeepSeek-R1:cheapest",
  ref: ["huggingface/deepseek-ai/DeepSeek-R1:cheapest", "huggingface/Qwen/Qwen3-8B", "huggingface/zai-org/GLM-4.7"][
    i % 3
  ]!,
  provider: ["novita", "together", "sambanova", "fireworks-ai"][i % 4]!,
  status: i % 25 === 0 ? 503 : 200,
  errorCode: i % 25 === 0 ? "provider_unavailable" : null,
  stream: true,
  fallbackAttempts: i % 20 === 0 ? 1 : 0,
  ttftMs: 200 + (i % 700),
  totalMs: 2000 + (i % 5000),
  promptTokens: 500 + (i % 3000),
  completionTokens: 100 + (i % 1500),
  tokensEstimated: false,
  costUsd: 0.0001 + (i % 100) / 100_000,
  priceInput: 0.7,
  priceOutput: 2.5,
  attempts: [{ ref: "huggingface/Qwen/Qwen3-8B", provider: "novita", status: 200, outcome: "ok", ms: 210 }],
});
const db = openLedgerDb(dir);
let t = performance.now();
for (let start = 0; start < rows; start += 1000) {
  insertRecords(
    db,
    Array.from({ length: Math.min(1000, rows - start) }, (_, i) => record(start + i)),
  );
}
const insertMs = performance.now() - t;
db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
db.close();
const size = fs.statSync(path.join(dir, "usage.db")).size;
console.log(
  `\n${rows} requests over 90 days: ${(size / 1024 / 1024).toFixed(1)} MB, ${(((size / rows) * 10_000) / 1024 / 1024).toFixed(2)} MB per 10,000 requests (each with one attempt row); inserted in ${(insertMs / 1000).toFixed(1)} s in batches of 1,000`,
);
const guard = new BudgetGuard(service);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  t = performance.now();
  usageReport({ service, budget: guard }, {});
  times.push(performance.now() - t);
}
console.log(`/api/usage for the last 30 days (about ${Math.round(rows / 3)} rows): ${ms(median(times))} (median of 5)`);
service.close();
ledger.service.close();
fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
