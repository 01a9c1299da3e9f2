/** The two kinds of Target: HTTP to a dashboard that run.ts started, or route handlers in-process (CI). */
import type { Target } from "./types";

export function httpTarget(baseUrl: string): Target {
  return {
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if ((init.method ?? "GET").toUpperCase() !== "GET") headers.set("origin", baseUrl);
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
  };
}

type Handler = (request: Request) => Response | Promise<Response>;

/** Route handlers by path and method, called with a Request as Next would (same-origin headers). */
export function handlerTarget(routes: Record<string, Partial<Record<string, Handler>>>): Target {
  const origin = "http://127.0.0.1:3000";
  return {
    fetch: async (path, init = {}) => {
      const method = (init.method ?? "GET").toUpperCase();
      // Next routes by path; the query string is the handler's to read.
      const handler = routes[path.split("?")[0] ?? path]?.[method];
      if (!handler) return new Response("no such route", { status: routes[path.split("?")[0] ?? path] ? 405 : 404 });
      const headers = new Headers(init.headers);
      headers.set("host", "127.0.0.1:3000");
      if (method !== "GET") headers.set("origin", origin);
      return handler(new Request(`${origin}${path}`, { ...init, headers }));
    },
  };
}
