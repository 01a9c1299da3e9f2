"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/client/get-query-client";
// Before any schema parses in the browser: see the file.
import "@/lib/client/zod-jitless";
import { useServerEvents } from "@/lib/client/use-server-events";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <ServerEvents />
      {children}
    </QueryClientProvider>
  );
}

/** Keeps every page in step with the config file and the catalog (lib/client/use-server-events.ts). */
function ServerEvents() {
  useServerEvents();
  return null;
}
