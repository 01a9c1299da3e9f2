import fs from "node:fs/promises";
import { paddedConfig, QWEN, R1 } from "../config-text";
import type { Scenario, Target } from "../types";

const HEALTH_EVERY_MS = 20;
const MAX_HEALTH_MS = 100;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Poll {
  /** The answer times, once `ms` is over. */
  finished: Promise<number[]>;
  /** Stops early; the answer times so far. */
  stop: () => Promise<number[]>;
}

/** Asks /api/health every HEALTH_EVERY_MS for `ms`, or until stopped. */
function pollHealth(target: Target, ms: number, problems: string[]): Poll {
  let running = true;
  const until = performance.now() + ms;
  const latencies: number[] = [];
  const finished = (async () => {
    while (running && performance.now() < until) {
      const sent = performance.now();
      const answer = await target.fetch("/api/health");
      latencies.push(performance.now() - sent);
      if (answer.status !== 200) problems.push(`/api/health answered ${answer.status}`);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
    return latencies;
  })();
  return {
    finished,
    stop: () => {
      running = false;
      return finished;
    },
  };
}

/**
 * A 20 MB config is read and saved in seconds while /api/health keeps answering: at most 100 ms slower
 * than it answers with nothing else going on.
 */
export const scenario: Scenario = {
  name: "20 MB config save with /api/health",
  async run({ scale, target, configPath }) {
    const megabytes = scale === "full" ? 20 : 2;
    const text = paddedConfig(megabytes * 1024 * 1024);
    await fs.writeFile(configPath, text);
    const problems: string[] = [];

    // The same polling with nothing else running first: on a shared machine /api/health is slow at times
    // anyway, and the save may add at most MAX_HEALTH_MS to what it takes then.
    const idle = await pollHealth(target, scale === "full" ? 3000 : 500, problems).finished;
    const during = pollHealth(target, Infinity, problems);
    let started = performance.now();
    const read = await target.fetch("/api/settings");
    const readSeconds = (performance.now() - started) / 1000;
    const etag = read.headers.get("etag") ?? "";
    started = performance.now();
    const saved = await target.fetch("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ primary: QWEN, fallbacks: [R1], aliases: { [QWEN]: "Qwen" } }),
    });
    const saveSeconds = (performance.now() - started) / 1000;
    const latencies = await during.stop();

    if (read.status !== 200) problems.push(`GET /api/settings answered ${read.status}`);
    if (saved.status !== 200) problems.push(`the save answered ${saved.status}: ${(await saved.text()).slice(0, 300)}`);
    const after = await fs.readFile(configPath, "utf8");
    if (!after.includes(`primary: "${QWEN}"`)) problems.push("the saved file does not hold the new primary");
    if (!after.endsWith(text.slice(text.indexOf("  models: {\n    providers"))))
      problems.push("the other settings changed");
    const max = Math.max(...latencies);
    const idleMax = Math.max(...idle);
    // Only the full run asserts the timing: the quick form runs in CI beside other work.
    if (scale === "full" && max - idleMax > MAX_HEALTH_MS)
      problems.push(
        `/api/health took ${max.toFixed(0)} ms during the save, ${idleMax.toFixed(0)} ms without it (limit: ${MAX_HEALTH_MS} ms more)`,
      );
    return {
      figures: {
        "config MB": (Buffer.byteLength(text) / 1024 / 1024).toFixed(1),
        "read s": readSeconds.toFixed(2),
        "save s": saveSeconds.toFixed(2),
        "health idle p50 ms": quantile(idle, 0.5).toFixed(1),
        "health idle max ms": idleMax.toFixed(1),
        "health answers": latencies.length,
        "health p50 ms": quantile(latencies, 0.5).toFixed(1),
        "health max ms": max.toFixed(1),
      },
      problems,
    };
  },
};
