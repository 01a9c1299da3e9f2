/**
 * What the route-handler tests share: a fresh state folder per test wired through the environment
 * (put back after), the fake HF router for a whole file, requests as the dashboard's own page sends
 * them, and the rows the usage ledger wrote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { closeLedger, getLedger } from "@/lib/server/ledger/ledger";
import { recent } from "@/lib/server/ledger/ledger-queries";
import { startFakeRouter, type FakeRouter, type FakeRouterOptions } from "@/test/fake-router/server";

/** The dashboard's own address in these tests: the origin guard lets it through. */
export const LOCAL_HOST = "127.0.0.1:3000";
export const LOCAL_ORIGIN = `http://${LOCAL_HOST}`;
/** A router address nothing listens on (port 9, discard): the catalog falls back to the built-ins. */
export const UNREACHABLE_ROUTER = "http://127.0.0.1:9/v1";
/** Every request the ledger could hold. */
export const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };

// Set in a developer's shell they would change what a route does (a token, another config, a host guard).
const LEAKY_ENV = ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "OPENCLAW_CONFIG_PATH", "HOST", "DASHBOARD_API_KEY"];

export interface StateDirOptions {
  /** Start of the temporary folder's name, to tell leftovers apart. */
  prefix: string;
  /** HF_ROUTER_URL for each test; a function, as the fake router's address is known only once it runs. */
  routerUrl?: () => string;
  /** Saved as HF_TOKEN in the folder's .env before each test. */
  token?: string;
  /** The text of the folder's openclaw.json, written before each test. */
  config?: string;
}

export interface StateDir {
  /** OPENCLAW_STATE_DIR of the running test. */
  readonly dir: string;
  /** `<dir>/openclaw.json`, where the dashboard reads and writes the config. */
  readonly configFile: string;
  /** HF_PICKER_DATA_DIR (`<dir>/data`): the ledger, the history and the facts memory. */
  readonly dataDir: string;
  /** `<dir>/.env`, where the token is saved. */
  readonly envFile: string;
}

/**
 * Gives each test its own state folder: the variables that would leak in from the shell are
 * removed, the catalog cache is emptied, and afterwards the ledger is closed, the environment
 * restored and the folder removed.
 */
export function stateDirPerTest(options: StateDirOptions): StateDir {
  const saved = { ...process.env };
  let dir = "";
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-`));
    for (const name of LEAKY_ENV) delete process.env[name];
    process.env.OPENCLAW_STATE_DIR = dir;
    process.env.HF_PICKER_DATA_DIR = path.join(dir, "data");
    if (options.routerUrl) process.env.HF_ROUTER_URL = options.routerUrl();
    if (options.token) fs.writeFileSync(path.join(dir, ".env"), `HF_TOKEN=${options.token}\n`);
    if (options.config !== undefined) fs.writeFileSync(path.join(dir, "openclaw.json"), options.config);
    invalidateCatalog();
  });
  afterEach(() => {
    closeLedger();
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
    invalidateCatalog();
  });
  return {
    get dir() {
      return dir;
    },
    get configFile() {
      return path.join(dir, "openclaw.json");
    },
    get dataDir() {
      return path.join(dir, "data");
    },
    get envFile() {
      return path.join(dir, ".env");
    },
  };
}

/** Runs the fake HF router for the whole file; the returned function gives it once it started. */
export function fakeRouterPerFile(options: FakeRouterOptions): () => FakeRouter {
  let router: FakeRouter | null = null;
  beforeAll(async () => {
    router = await startFakeRouter(options);
  });
  afterAll(() => router?.close());
  return () => {
    if (!router) throw new Error("the fake router runs only inside the tests");
    return router;
  };
}

export interface LocalRequestInit {
  method?: string;
  /** Sent as JSON; a string is sent as it is (to test a broken body). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as the dashboard's own page sends it: its host, and a JSON body for anything but GET. */
export function localRequest(pathAndQuery: string, init: LocalRequestInit = {}): Request {
  const method = init.method ?? "GET";
  const json: Record<string, string> = method === "GET" ? {} : { "content-type": "application/json" };
  const { body } = init;
  return new Request(`${LOCAL_ORIGIN}${pathAndQuery}`, {
    method,
    headers: { host: LOCAL_HOST, ...json, ...init.headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The `error` of the one JSON error shape (`type` is there on the OpenAI-compatible routes). */
export async function errorOf(response: Response): Promise<{ code: string; message: string; type?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; type?: string } }).error;
}

/** Every row in the ledger, newest first, once at least `atLeast` were written (the queue is written first). */
export async function ledgerRows(atLeast = 1) {
  const read = () => getLedger().service.read((db) => recent(db, ALL_TIME));
  // Pricing reads the catalog before the row is queued: give that a moment.
  await expect.poll(() => read().length).toBeGreaterThanOrEqual(atLeast);
  return read();
}
