import { describe, expect, it } from "vitest";
import type { CatalogListener } from "@/lib/server/catalog/catalog-events";
import type { ConfigChangeListener } from "@/lib/server/config-file/config-changes";
import { configEventSchema } from "@/lib/settings/server-events";
import { eventStream, type EventSources } from "./event-stream";

function fakeSources() {
  const config = new Set<ConfigChangeListener>();
  const catalog = new Set<CatalogListener>();
  const sources: EventSources = {
    onConfigChange: (listener) => {
      config.add(listener);
      return Object.assign(() => void config.delete(listener), { ready: Promise.resolve() });
    },
    onCatalogRefreshed: (listener) => {
      catalog.add(listener);
      return () => catalog.delete(listener);
    },
    heartbeatMs: 20,
  };
  return { sources, config, catalog };
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, wanted: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(wanted)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("eventStream", () => {
  it("sends config and catalog events and heartbeat comments, as text/event-stream", async () => {
    const { sources, config, catalog } = fakeSources();
    const abort = new AbortController();
    const response = eventStream(abort.signal, sources);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, "event: ready")).toContain("retry: 2000");

    const state = {
      configPath: "/x",
      etag: '"abc"',
      exists: true,
      parseError: null,
      primary: "huggingface/Qwen/Qwen3-8B",
      fallbacks: [],
      aliases: {},
      modelFacts: true,
      routeOpenClaw: false,
    };
    for (const listener of config) listener({ configPath: "/x", etag: '"abc"', state });
    const event = await readUntil(reader, "\n\n");
    expect(event.startsWith("event: config\ndata: ")).toBe(true);
    expect(configEventSchema.parse(JSON.parse(event.slice(20)))).toEqual({ etag: '"abc"', settings: state });
    for (const listener of catalog) listener();
    expect(await readUntil(reader, "\n\n")).toBe("event: catalog\ndata: {}\n\n");
    expect(await readUntil(reader, ": ping")).toContain(": ping");
    abort.abort();
  });

  it("leaves no listener behind when the client goes away, or cancels", async () => {
    const { sources, config, catalog } = fakeSources();
    const abort = new AbortController();
    eventStream(abort.signal, sources);
    expect(config.size).toBe(1);
    expect(catalog.size).toBe(1);
    abort.abort();
    expect(config.size).toBe(0);
    expect(catalog.size).toBe(0);

    const second = eventStream(new AbortController().signal, sources);
    expect(config.size).toBe(1);
    await second.body!.cancel();
    expect(config.size).toBe(0);
    expect(catalog.size).toBe(0);
  });
});
