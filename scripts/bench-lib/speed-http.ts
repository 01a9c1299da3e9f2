/** The server-side figures of scripts/bench-speed.ts: gateway overhead, concurrent streams, `/api/models`. */
import zlib from "node:zlib";
import { decodeCatalog, wireCatalogSchema } from "@/lib/catalog/catalog-wire";
import { concurrent, interleavedFirstByte, throughput, timed, type Call } from "./http-bench";
import { figure, median, type Figure } from "./stats";

export interface HttpTargets {
  rounds: number;
  token: string;
  /** The fake router's `/v1`, called directly. */
  direct: string;
  nginx: string | null;
  bare: string;
  /** A bare Node proxy in front of the same router: what one more Node hop costs. */
  nodeProxy: string;
  dash150: string;
  dash10k: string;
}

export interface ModelsFigures {
  modelsRps: Figure;
  /** With `If-None-Match`: what a browser's warm request is (`304`). */
  revalidateRps: Figure;
  healthRps: Figure;
  /** Per round: ÷ /api/health requests per second. */
  ratio: Figure;
  revalidateRatio: Figure;
  notModified: number;
  /** Bytes: the wire shape raw; as sent to a browser (and its encoding); gzip by `next start` for a client without br; the expanded shape. */
  raw: number;
  sent: number;
  sentEncoding: string;
  gzip: number;
  expandedRaw: number;
  expandedGzip: number;
  count: number;
}

export interface HttpFigures {
  ttfb: { direct: Figure; nginx: Figure | null; gateway: Figure; bare: Figure; health: Figure; ping: Figure };
  /**
   * Per round: the median of pairwise differences (samples taken back to back): gateway − direct,
   * nginx − direct, Next's trivial routes − bare Node: `/api/health` (an App Router route handler)
   * and `/api/ping` (a Pages API route, the kind the gateway's chat routes are).
   */
  added: {
    gateway: Figure;
    nginx: Figure | null;
    nodeProxy: Figure;
    /** Next's trivial proxy route (lib/server/bench/proxy-floor.ts) − direct: Next's floor for a proxy route. */
    nextProxy: Figure;
    nextFloor: Figure;
    pagesFloor: Figure;
  };
  /** The same pairs once every target's code is hot (see STEADY_WARM_PASSES). */
  steady: { gateway: Figure; pagesFloor: Figure; nodeProxy: Figure; nextProxy: Figure };
  streams300: { direct: Figure; gateway: Figure; ratio: Figure };
  models: { at150: ModelsFigures; at10k: ModelsFigures };
}

/** Time-to-first-byte samples per round, per target (after 5 warm-up passes). */
export const TTFB_SAMPLES = 40;
/**
 * Samples per steady-state round: more than a fresh server's rounds, which must stay few to time a
 * server that has just started; warm code is timed as long as it takes the medians to settle.
 */
export const STEADY_SAMPLES = 100;
/**
 * Unmeasured passes before the steady-state rounds. The first rounds time a server that has just
 * started: the gateway's code (checks, zod, the ledger) is not optimised by V8 yet, while the trivial
 * floors have little to optimise. After this many passes every target runs hot.
 */
export const STEADY_WARM_PASSES = 1000;
const STREAMS = 300;

/**
 * A streamed chat request. `max_tokens: 1` keeps the stream short (a handful of events): its first
 * byte is what is timed, and the rest is read untimed so the connection is reused as a client's is.
 */
function chat(url: string, token: string | null, model: string, maxTokens?: number): Call {
  return {
    url: `${url}/chat/completions`,
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      model,
      stream: true,
      ...(maxTokens ? { max_tokens: maxTokens } : {}),
      messages: [{ role: "user", content: "Say hi" }],
    }),
  };
}

/** Median of the pairwise differences a[i] − b[i] (samples taken back to back). */
const pairedDifference = (a: readonly number[], b: readonly number[]) =>
  median(a.map((value, i) => value - (b[i] ?? 0)));

async function modelsFigures(dash: string, rounds: number): Promise<ModelsFigures> {
  // What Chromium sends; the dashboard answers brotli compressed once per catalog version.
  const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
  const first = await timed({ url: `${dash}/api/models`, headers: browser });
  const etag = String(first.headers.etag ?? "");
  const revalidate = { url: `${dash}/api/models`, headers: { ...browser, "if-none-match": etag } };
  const notModified = (await timed(revalidate)).status;
  const gzipOnly = await timed({ url: `${dash}/api/models`, headers: { "accept-encoding": "gzip" } });
  const plain = await fetch(`${dash}/api/models`, { headers: { "accept-encoding": "identity" } });
  const text = await plain.text();
  const expanded = JSON.stringify(decodeCatalog(wireCatalogSchema.parse(JSON.parse(text))));
  const modelsRps: number[] = [];
  const revalidateRps: number[] = [];
  const healthRps: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternated, so a burst of load elsewhere on the machine hits each alike.
    healthRps.push(await throughput({ url: `${dash}/api/health`, headers: browser }, 8, 2000));
    modelsRps.push(await throughput({ url: `${dash}/api/models`, headers: browser }, 8, 2000));
    revalidateRps.push(await throughput(revalidate, 8, 2000));
  }
  return {
    modelsRps: figure(modelsRps),
    revalidateRps: figure(revalidateRps),
    healthRps: figure(healthRps),
    ratio: figure(modelsRps.map((m, i) => m / (healthRps[i] ?? 1))),
    revalidateRatio: figure(revalidateRps.map((m, i) => m / (healthRps[i] ?? 1))),
    notModified,
    raw: Buffer.byteLength(text),
    sent: first.bytes,
    sentEncoding: String(first.headers["content-encoding"] ?? "identity"),
    gzip: gzipOnly.bytes,
    expandedRaw: Buffer.byteLength(expanded),
    expandedGzip: zlib.gzipSync(expanded, { level: 6 }).length,
    count: wireCatalogSchema.parse(JSON.parse(text)).ids.length,
  };
}

export async function measureHttp(targets: HttpTargets): Promise<HttpFigures> {
  const model = "Qwen/Qwen3-8B";
  const short = {
    direct: chat(targets.direct, targets.token, model, 1),
    nginx: targets.nginx ? chat(targets.nginx, targets.token, model, 1) : null,
    nodeProxy: chat(targets.nodeProxy, targets.token, model, 1),
    // The trivial proxy route passes the caller's authorization on, as the bare Node proxy does.
    nextProxy: chat(`${targets.dash150}/api/floor`, targets.token, model, 1),
    gateway: chat(`${targets.dash150}/api/v1`, null, `huggingface/${model}`, 1),
    bare: { url: `${targets.bare}/` },
    health: { url: `${targets.dash150}/api/health` },
    ping: { url: `${targets.dash150}/api/ping` },
  };
  const calls = [
    short.direct,
    short.gateway,
    short.bare,
    short.health,
    short.ping,
    short.nodeProxy,
    short.nextProxy,
    ...(short.nginx ? [short.nginx] : []),
  ];
  const rounds = { direct: [] as number[], nginx: [] as number[], gateway: [] as number[] };
  const floors = { bare: [] as number[], health: [] as number[], ping: [] as number[] };
  const added = {
    gateway: [] as number[],
    nginx: [] as number[],
    nodeProxy: [] as number[],
    nextProxy: [] as number[],
    nextFloor: [] as number[],
    pagesFloor: [] as number[],
  };
  for (let round = 0; round < targets.rounds; round++) {
    console.log(`  time to first byte, round ${round + 1}/${targets.rounds}`);
    const [direct = [], gateway = [], bare = [], health = [], ping = [], nodeProxy = [], nextProxy = [], nginx = []] =
      await interleavedFirstByte(calls, TTFB_SAMPLES);
    rounds.direct.push(median(direct));
    rounds.gateway.push(median(gateway));
    floors.bare.push(median(bare));
    floors.health.push(median(health));
    floors.ping.push(median(ping));
    added.gateway.push(pairedDifference(gateway, direct));
    added.nextFloor.push(pairedDifference(health, bare));
    added.pagesFloor.push(pairedDifference(ping, bare));
    added.nodeProxy.push(pairedDifference(nodeProxy, direct));
    added.nextProxy.push(pairedDifference(nextProxy, direct));
    if (short.nginx) {
      rounds.nginx.push(median(nginx));
      added.nginx.push(pairedDifference(nginx, direct));
    }
  }
  const steady = {
    gateway: [] as number[],
    pagesFloor: [] as number[],
    nodeProxy: [] as number[],
    nextProxy: [] as number[],
  };
  for (let round = 0; round < targets.rounds; round++) {
    console.log(`  time to first byte, steady state, round ${round + 1}/${targets.rounds}`);
    const warm = round === 0 ? STEADY_WARM_PASSES : 0;
    const [direct = [], gateway = [], bare = [], , ping = [], nodeProxy = [], nextProxy = []] =
      await interleavedFirstByte(calls, STEADY_SAMPLES, warm);
    steady.gateway.push(pairedDifference(gateway, direct));
    steady.pagesFloor.push(pairedDifference(ping, bare));
    steady.nodeProxy.push(pairedDifference(nodeProxy, direct));
    steady.nextProxy.push(pairedDifference(nextProxy, direct));
  }
  // Whole streams (the usual ~80 events, 15 ms apart), all at once.
  const direct = chat(targets.direct, targets.token, model);
  const gateway = chat(`${targets.dash150}/api/v1`, null, `huggingface/${model}`);
  const streams = { direct: [] as number[], gateway: [] as number[] };
  for (let round = 0; round < targets.rounds; round++) {
    console.log(`  ${STREAMS} concurrent streams, round ${round + 1}/${targets.rounds}`);
    streams.direct.push(median((await concurrent(direct, STREAMS)).map((t) => t.totalMs)));
    streams.gateway.push(median((await concurrent(gateway, STREAMS)).map((t) => t.totalMs)));
  }
  console.log("  /api/models throughput and bytes");
  return {
    ttfb: {
      direct: figure(rounds.direct),
      nginx: short.nginx ? figure(rounds.nginx) : null,
      gateway: figure(rounds.gateway),
      bare: figure(floors.bare),
      health: figure(floors.health),
      ping: figure(floors.ping),
    },
    added: {
      gateway: figure(added.gateway),
      nginx: short.nginx ? figure(added.nginx) : null,
      nodeProxy: figure(added.nodeProxy),
      nextProxy: figure(added.nextProxy),
      nextFloor: figure(added.nextFloor),
      pagesFloor: figure(added.pagesFloor),
    },
    steady: {
      gateway: figure(steady.gateway),
      pagesFloor: figure(steady.pagesFloor),
      nodeProxy: figure(steady.nodeProxy),
      nextProxy: figure(steady.nextProxy),
    },
    streams300: {
      direct: figure(streams.direct),
      gateway: figure(streams.gateway),
      ratio: figure(streams.gateway.map((g, i) => g / (streams.direct[i] ?? 1))),
    },
    models: {
      at150: await modelsFigures(targets.dash150, targets.rounds),
      at10k: await modelsFigures(targets.dash10k, targets.rounds),
    },
  };
}
