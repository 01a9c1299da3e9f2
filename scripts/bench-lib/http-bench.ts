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

/** One request: when the first body byte (or the end of a bodiless answer) arrived, and when it ended. */
export function timed(call: Call): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    let firstByteMs = Number.NaN;
    let bytes = 0;
    const request = http.request(call.url, { method: call.method ?? "GET", headers: call.headers, agent }, (res) => {
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
    });
    request.setTimeout(120_000, () => request.destroy(new Error(`${call.url}: timed out`)));
    request.on("error", reject);
    request.end(call.body);
  });
}

/** `count` requests one after another (after `warm` unmeasured ones). */
export async function sequential(call: Call, count: number, warm = 5): Promise<Timing[]> {
  for (let i = 0; i < warm; i++) await timed(call);
  const out: Timing[] = [];
  for (let i = 0; i < count; i++) out.push(await timed(call));
  return out;
}

/** `count` requests at once; the ones that failed (reset under load) are counted, not timed. */
export async function concurrent(call: Call, count: number): Promise<Timing[] & { failed?: number }> {
  const settled = await Promise.allSettled(Array.from({ length: count }, () => timed(call)));
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
