/**
 * Suffix routing as the HF router does it: `:fastest` (also no suffix) = highest
 * throughput, `:cheapest` = lowest output price, `:preferred` = list order,
 * `:<provider>` = that backend. Backends with status "error" are never picked.
 */
import type { RouterErrorBody, RouterModel, RouterProvider } from "./types";

export type RouteResult = { ok: true; provider: RouterProvider } | { ok: false; status: number; body: RouterErrorBody };

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;

/** `org/model:suffix` → id and suffix ("" when absent). */
export function splitModelId(raw: string): { id: string; suffix: string } {
  const colon = raw.indexOf(":");
  return colon === -1 ? { id: raw, suffix: "" } : { id: raw.slice(0, colon), suffix: raw.slice(colon + 1) };
}

function invalid(status: number, message: string): RouteResult {
  return { ok: false, status, body: { error: { message, type: "invalid_request_error" } } };
}

/** The live backend with the smallest `score`; ties and unknown values keep list order. */
function best(live: RouterProvider[], score: (p: RouterProvider) => number): RouterProvider | undefined {
  let winner: RouterProvider | undefined;
  let winnerScore = Infinity;
  for (const p of live) {
    const s = score(p);
    if (winner === undefined || s < winnerScore) {
      winner = p;
      winnerScore = s;
    }
  }
  return winner;
}

export function pickProvider(model: RouterModel, suffix: string): RouteResult {
  const live = model.providers.filter((p) => p.status === "live");
  if (suffix !== "" && !["fastest", "cheapest", "preferred"].includes(suffix)) {
    if (!PROVIDER_ID.test(suffix))
      return invalid(400, `Invalid provider suffix ":${suffix}" in model "${model.id}:${suffix}"`);
    const pinned = model.providers.find((p) => p.provider === suffix);
    if (!pinned) return invalid(400, `Model ${model.id} is not supported by provider ${suffix}.`);
    if (pinned.status !== "live")
      return invalid(400, `Model ${model.id} is currently unavailable on provider ${suffix}.`);
    return { ok: true, provider: pinned };
  }
  const picked =
    suffix === "cheapest"
      ? best(live, (p) => p.pricing?.output ?? Infinity)
      : suffix === "preferred"
        ? live[0]
        : best(live, (p) => -(p.throughput ?? 0));
  if (!picked) {
    return {
      ok: false,
      status: 503,
      body: { error: { message: `No live provider is serving ${model.id} right now.`, type: "service_unavailable" } },
    };
  }
  return { ok: true, provider: picked };
}
