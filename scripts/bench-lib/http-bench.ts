/** HTTP timings over keep-alive loopback connections: time to first byte, whole streams, throughput. */
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export interface Call {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface Timing {
  status: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  headers: http.IncomingHttpHeaders;
}

/**
 * One request: when the first body byte (or the end of a bodiless answer) arrived, and when the
 * answer ended. The whole answer is read, so the keep-alive connection is reused as a real client's is.
 */
export function timed(call: Call, via: http.Agent = agent): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    let firstByteMs = Number.NaN;
    let bytes = 0;
    const request = http.request(
      call.url,
      { method: call.method ?? "GET", headers: call.headers, agent: via },
      (res) => {
        res.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - begin;
          bytes += chunk.length;
        });
        res.on("end", () => {
          const totalMs = performance.now() - begin;
          resolve({
            status: res.statusCode ?? 0,
            firstByteMs: Number.isNaN(firstByteMs) ? totalMs : firstByteMs,
            totalMs,
            bytes,
            headers: res.headers,
          });
        });
        res.on("error", reject);
      },
    );
    request.setTimeout(120_000, () => request.destroy(new Error(`${call.url}: timed out`)));
    request.on("error", reject);
    request.end(call.body);
  });
}

/** A small seeded generator (mulberry32): the same orders in every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a new random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Time to the first body byte of each call, interleaved: sample i of every call is taken back to
 * back, so a burst of load elsewhere on the machine hits them alike and their differences can be
 * taken pairwise. Each pass runs the calls in a new random order: in a fixed (or merely rotated)
 * order each call always follows the same one, and that decides how warm its server is (a call
 * right after another to the same server finds it warm, one after a call elsewhere finds it idle).
 * `warm` unmeasured passes first.
 */
export async function interleavedFirstByte(calls: readonly Call[], samples: number, warm = 5): Promise<number[][]> {
  const out = calls.map(() => [] as number[]);
  const random = seeded(calls.length * 1_000_003 + samples);
  for (let i = 0; i < warm + samples; i++) {
    for (const index of shuffled(calls.length, random)) {
      const call = calls[index];
      if (!call) continue;
      const { firstByteMs, status } = await timed(call);
      if (status !== 200) throw new Error(`${call.url}: status ${status}`);
      if (i >= warm) out[index]?.push(firstByteMs);
    }
  }
  return out;
}

/**
 * `count` requests at once, each on a new connection of its own (a pool kept from an earlier batch
 * would hand out sockets the server may be closing after its keep-alive timeout); the ones that
 * failed are counted, not timed.
 */
export async function concurrent(call: Call, count: number): Promise<Timing[] & { failed?: number }> {
  const fresh = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const settled = await Promise.allSettled(Array.from({ length: count }, () => timed(call, fresh)));
  fresh.destroy();
  const done: Timing[] & { failed?: number } = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  done.failed = count - done.length;
  return done;
}

/** Requests per second with `connections` callers looping for `durationMs`. */
export async function throughput(call: Call, connections: number, durationMs: number): Promise<number> {
  await concurrent(call, connections);
  let done = 0;
  const deadline = performance.now() + durationMs;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await timed(call);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - begin) / 1000);
}

export function closeAgent(): void {
  agent.destroy();
}
