import { catalogAnswer } from "@/lib/server/catalog/catalog-payload";
import { getCatalog, PAGE_WAIT_MS } from "@/lib/server/catalog/catalog-service";
import { brotliRoute } from "@/lib/server/http/brotli-answer";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";

export const dynamic = "force-dynamic";

/**
 * The merged catalog in its wire shape (README, "The catalog on the wire"), built, serialised and
 * compressed once per live list and config version, `304` on `If-None-Match`; brotli for clients that
 * accept it (next.config.mjs sets the header, brotli-answer.ts). Guarded like every GET but health:
 * it holds the config's aliases, which a page behind a rebinding DNS name must not read. Never
 * waits long on the router: past a short wait it answers with what is known and `checking: true`.
 * `?refresh=1` fetches the live list again and waits for it.
 */
export const GET = brotliRoute(
  dashboardRoute({}, async ({ request }) => {
    const refresh = new URL(request.url).searchParams.get("refresh") === "1";
    return catalogAnswer(request, await getCatalog(refresh ? { refresh } : { waitMs: PAGE_WAIT_MS }));
  }),
);
