import type { NextRequest } from "next/server";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { errorResponse } from "@/lib/server/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  try {
    const refresh = request.nextUrl.searchParams.get("refresh") === "1";
    const catalog = await getCatalog({ refresh });
    return Response.json(catalog, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/models");
  }
}
