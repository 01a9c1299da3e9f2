/**
 * Ports, folders and the fake token shared by playwright.config.ts and the specs.
 * `E2E_PORT_BASE` moves every port at once so two runs can share a machine.
 */
import path from "node:path";
import { runPorts } from "../test/fetch-ports";

const base = Number(process.env.E2E_PORT_BASE) || 3100;
/** Every port this run listens on (test/fetch-ports.ts): base + a fixed offset, past the ports fetch refuses. */
export const ports = runPorts();
const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, ".tmp", `e2e-${base}`);

/** Obviously fake; the fake router accepts only this one. */
export const FAKE_TOKEN = "hf_fake_e2e_token_0000";

export const e2e = {
  root,
  /** Every dashboard's state folder is below this one. */
  tmp,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  /** Playwright's JSON report, read by scripts/test-all.ts for the summary line. */
  resultsFile: path.join(root, "test-results", base === 3100 ? "e2e-results.json" : `e2e-results-${base}.json`),
  fakeRouterPort: ports.fakeRouter,
  fakeRouterUrl: `http://127.0.0.1:${ports.fakeRouter}/v1`,
  /** Dashboard with the fake token in its state dir's .env and the fake router live. */
  live: { port: ports.live, url: `http://127.0.0.1:${ports.live}`, stateDir: path.join(tmp, "live") },
  /** Dashboard with no token at all (onboarding), fake router reachable. */
  fresh: { port: ports.fresh, url: `http://127.0.0.1:${ports.fresh}`, stateDir: path.join(tmp, "fresh") },
  /** Dashboard whose router is unreachable: built-in catalog only. */
  offline: { port: ports.offline, url: `http://127.0.0.1:${ports.offline}`, stateDir: path.join(tmp, "offline") },
};

export type DashboardKind = "live" | "fresh" | "offline";
