import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getLedger } from "@/lib/server/ledger/ledger";
import { LEDGER_FILE } from "@/lib/server/ledger/ledger-db";
import { aRecord } from "@/lib/server/ledger/ledger-test-helpers";
import { budgetResponseSchema, usageResponseSchema } from "@/lib/usage/usage-types";
import { errorOf, localRequest, stateDirPerTest } from "@/test/route-fixture";
import { GET as csv } from "../usage.csv/route";
import { PUT as putBudget } from "./budget/route";
import { GET } from "./route";

const dirs = stateDirPerTest({ prefix: "usage-route" });
const today = (hour: number) => {
  const d = new Date();
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
};
const DAY = 24 * 3600 * 1000;

beforeEach(() => {
  const { service } = getLedger();
  service.record(aRecord({ at: today(1), costUsd: 0.001 }));
  service.record(aRecord({ at: today(2), client: "playground", provider: "novita", costUsd: 0.002 }));
  service.record(aRecord({ at: today(1) - 40 * DAY, costUsd: 1 }));
});

const get = (query = "", headers: Record<string, string> = {}) => GET(localRequest(`/api/usage${query}`, { headers }));
const put = (body: unknown, headers: Record<string, string> = {}) =>
  putBudget(localRequest("/api/usage/budget", { method: "PUT", body, headers }));
const codeOf = async (response: Response) => (await errorOf(response)).code;

describe("GET /api/usage", () => {
  it("answers the last 30 days by default: totals, groups, recent rows and budgets", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const body = usageResponseSchema.parse(await response.json());
    expect(body.totals).toMatchObject({ requests: 2, costUsd: 0.003 });
    expect(body.byDay).toHaveLength(1);
    expect(body.byProvider.map((p) => p.provider).sort()).toEqual(["novita", "together"]);
    expect(body.recent.map((r) => r.client)).toEqual(["playground", "api"]);
    expect(body.budget).toMatchObject({ dailyUsd: null, spentTodayUsd: 0.003 });
    expect(body.ledger).toMatchObject({ ok: true, retentionDays: 90 });
  });

  it("takes a date range and filters for the recent rows", async () => {
    const from = new Date(today(1) - 41 * DAY).toLocaleDateString("sv");
    const body = usageResponseSchema.parse(await (await get(`?from=${from}&client=api`)).json());
    expect(body.totals.requests).toBe(3);
    expect(body.recent).toHaveLength(2);
  });

  it("refuses a bad range with 400 naming the parameter, and a foreign origin with 403", async () => {
    const bad = await get("?from=2025-02-30");
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/from/);
    expect((await get("?from=2025-03-02&to=2025-03-01")).status).toBe(400);
    expect((await get("?status=maybe")).status).toBe(400);
    expect(await codeOf(await get("", { origin: "https://evil.example" }))).toBe("forbidden");
  });

  it("answers 503 ledger_unavailable with the reason when the database is damaged", async () => {
    getLedger().service.close();
    fs.rmSync(dirs.dataDir, { recursive: true, force: true });
    fs.mkdirSync(dirs.dataDir);
    fs.writeFileSync(path.join(dirs.dataDir, LEDGER_FILE), Buffer.alloc(4096, 1));
    const response = await get();
    expect(response.status).toBe(503);
    const error = await errorOf(response);
    expect(error.code).toBe("ledger_unavailable");
    expect(error.message).toMatch(/damaged.*Move it away/);
  });
});

describe("PUT /api/usage/budget", () => {
  it("sets and clears budgets and answers what is left", async () => {
    const set = await put({ dailyUsd: 0.01, monthlyUsd: 5 });
    expect(set.status).toBe(200);
    const { budget } = budgetResponseSchema.parse(await set.json());
    expect(budget).toMatchObject({ dailyUsd: 0.01, monthlyUsd: 5, exceeded: null });
    expect(budget.remainingTodayUsd).toBeCloseTo(0.007);
    const cleared = budgetResponseSchema.parse(await (await put({ dailyUsd: null, monthlyUsd: null })).json());
    expect(cleared.budget).toMatchObject({ dailyUsd: null, monthlyUsd: null, remainingTodayUsd: null });
  });

  it("refuses amounts that are not positive numbers, missing fields and foreign origins", async () => {
    for (const body of [{ dailyUsd: -1, monthlyUsd: null }, { dailyUsd: 0, monthlyUsd: null }, { dailyUsd: "5" }, {}]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(await codeOf(response)).toBe("bad_request");
    }
    expect((await put({ dailyUsd: 1, monthlyUsd: null }, { origin: "https://evil.example" })).status).toBe(403);
    expect(budgetResponseSchema.parse(await (await get()).json()).budget.dailyUsd).toBeNull();
  });
});

describe("GET /api/usage.csv", () => {
  it("downloads every request in the range, oldest first", async () => {
    const response = await csv(localRequest("/api/usage.csv"));
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="hf-usage-.*\.csv"/);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^at,client,requested,ref,provider,status/);
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["api", "playground"]);
  });
});
