import { csvHeader, csvLine } from "@/lib/usage/usage-csv";
import { usageRange } from "@/lib/usage/usage-query";
import { dashboardRoute } from "@/lib/server/http/dashboard-route";
import { getLedger } from "@/lib/server/ledger/ledger";
import { withLedger, parseUsageQuery } from "@/lib/server/ledger/ledger-http";
import { rowsPage } from "@/lib/server/ledger/ledger-queries";

export const dynamic = "force-dynamic";

/** Every recorded request in the range as CSV, streamed a page of rows at a time. */
export const GET = dashboardRoute({}, ({ request }) => {
  const range = usageRange(parseUsageQuery(request.url), Date.now());
  const { service } = getLedger();
  // The first page is read before answering, so an unreadable ledger is a JSON error, not a broken download.
  let page = withLedger(() => service.read((db) => rowsPage(db, range, 0)));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader()));
    },
    pull(controller) {
      if (page.length === 0) return controller.close();
      controller.enqueue(encoder.encode(page.map(csvLine).join("")));
      const afterId = page.at(-1)?.id ?? 0;
      try {
        page = service.read((db) => rowsPage(db, range, afterId));
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="hf-usage-${range.from}-to-${range.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
