import "server-only";
import { onCatalogRefreshed } from "@/lib/server/catalog/catalog-events";
import type { ConfigEvent } from "@/lib/settings/server-events";
import { onConfigChange, type ConfigChange } from "@/lib/server/config-file/config-changes";
import { sseComment, sseEvent, sseRetry } from "./sse";

function configEventOf(change: ConfigChange): ConfigEvent {
  return { etag: change.etag, settings: change.state };
}

/** Often enough for proxies and browsers that close a silent connection after 30–60 s. */
export const HEARTBEAT_MS = 15_000;

export interface EventSources {
  onConfigChange: typeof onConfigChange;
  onCatalogRefreshed: typeof onCatalogRefreshed;
  heartbeatMs: number;
}

const DEFAULT_SOURCES: EventSources = { onConfigChange, onCatalogRefreshed, heartbeatMs: HEARTBEAT_MS };

/**
 * `GET /api/events`: `ready` once the config file is watched, `config` (with the file's new ETag)
 * when it changed on disk, `catalog` when a refresh of the router's list finished; a comment as heartbeat. Everything it
 * subscribed to is released when the client goes away (`signal`) or the stream is cancelled.
 */
export function eventStream(signal: AbortSignal, sources: EventSources = DEFAULT_SOURCES): Response {
  const encoder = new TextEncoder();
  const cleanups: (() => void)[] = [];
  const cleanup = () => {
    for (const fn of cleanups.splice(0)) fn();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // Closed meanwhile: the abort below cleans up.
        }
      };
      // The first bytes go out at once, so the browser sees the stream open (and proxies pass it on).
      send(sseRetry(2_000) + sseComment("connected"));
      // The settings go along, so a page shows them without asking again (what GET /api/settings says).
      const config = sources.onConfigChange((change) => send(sseEvent("config", configEventOf(change))));
      cleanups.push(config);
      // From here on every change is reported; a change made before is caught by the page re-reading.
      void config.ready.then(() => send(sseEvent("ready", {})));
      cleanups.push(sources.onCatalogRefreshed(() => send(sseEvent("catalog", {}))));
      const heartbeat = setInterval(() => send(sseComment("ping")), sources.heartbeatMs);
      cleanups.push(() => clearInterval(heartbeat));
      const abort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      };
      if (signal.aborted) abort();
      else signal.addEventListener("abort", abort, { once: true });
      cleanups.push(() => signal.removeEventListener("abort", abort));
    },
    cancel: cleanup,
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression would otherwise hold events back to fill a gzip block.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
