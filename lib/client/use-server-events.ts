"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { configEventSchema } from "@/lib/settings/server-events";
import { queryKeys } from "./query-keys";

function parseConfigEvent(data: unknown) {
  try {
    const parsed = configEventSchema.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Listens to `GET /api/events` (one EventSource per tab, mounted once in the providers) and
 * refreshes what an event makes stale: the config file changed on disk → the settings (sent with
 * the event, so they show at once), their preview and history, the catalog (aliases) and the
 * status; a catalog refresh finished → catalog and status. Unsaved edits are safe: the settings
 * form keeps them and says the file changed.
 * `<html data-server-events="ready">` says the page is listening and the server watching.
 */
export function useServerEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    const invalidate = (queryKey: readonly string[], exact = false) =>
      void queryClient.invalidateQueries({ queryKey, exact });
    // The catalog exactly: a query under its key that forces a router refresh (onboarding) would
    // otherwise answer each `catalog` event with a refresh, and so with another event.
    const refetchCatalog = () => {
      invalidate(queryKeys.models, true);
      invalidate(queryKeys.status);
    };
    const refetchAll = () => {
      invalidate(queryKeys.settings);
      refetchCatalog();
    };
    const onConfig = (event: MessageEvent) => {
      const change = parseConfigEvent(event.data);
      if (!change) return refetchAll();
      // A read still on its way may hold the file from before the change: it must not land after it.
      void queryClient.cancelQueries({ queryKey: queryKeys.settings, exact: true }).then(() => {
        queryClient.setQueryData(queryKeys.settings, change.settings);
        invalidate([...queryKeys.settings, "preview"]);
        invalidate(queryKeys.settingsHistory);
        refetchCatalog();
      });
    };
    let connectedBefore = false;
    source.addEventListener("ready", () => {
      // The server watches the file from now on. A change made while it was starting is read now;
      // after a break (the server restarted, the laptop slept) anything may have been missed.
      if (connectedBefore) refetchAll();
      else invalidate(queryKeys.settings);
      connectedBefore = true;
      document.documentElement.dataset.serverEvents = "ready";
    });
    source.addEventListener("config", onConfig);
    source.addEventListener("catalog", refetchCatalog);
    source.addEventListener("error", () => {
      delete document.documentElement.dataset.serverEvents;
    });
    return () => {
      source.close();
      delete document.documentElement.dataset.serverEvents;
    };
  }, [queryClient]);
}
