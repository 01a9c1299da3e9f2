/**
 * The catalog view in the URL: `?q=llama&provider=groq,together&ctx=131072&in=1&out=2&f=tools,vision
 * &sort=price&dir=desc&model=org/Model&via=fastest`. Defaults are left out so links stay short;
 * anything unreadable falls back to its default instead of breaking the page.
 */
import { type CatalogFilters, EMPTY_FILTERS, FLAG_FILTERS, type FlagFilter } from "@/lib/catalog/catalog-filter";
import { parseRef, PROVIDER_PREFIX, suffixText } from "@/lib/refs";
import { type CatalogSort, DEFAULT_DIRECTION, DEFAULT_SORT, SORT_KEYS, type SortKey } from "@/lib/catalog/catalog-sort";

export interface CatalogUrlState {
  q: string;
  filters: CatalogFilters;
  sort: CatalogSort;
  /** Hub id of the model whose details are open. */
  model: string | null;
  /** Routing suffix chosen in the details ("" = default routing). */
  via: string;
}

export const DEFAULT_URL_STATE: CatalogUrlState = {
  q: "",
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  model: null,
  via: "",
};

/** Anything with `get`, so both URLSearchParams and Next's ReadonlyURLSearchParams fit. */
export interface ParamReader {
  get(name: string): string | null;
}

function list(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

function positiveNumber(value: string | null): number | null {
  if (value == null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

export function parseCatalogUrl(params: ParamReader): CatalogUrlState {
  const key = params.get("sort");
  const sortKey: SortKey = SORT_KEYS.includes(key as SortKey) ? (key as SortKey) : DEFAULT_SORT.key;
  const dir = params.get("dir");
  const minContext = positiveNumber(params.get("ctx"));
  return {
    q: params.get("q") ?? "",
    filters: {
      providers: list(params.get("provider")),
      minContext: minContext == null ? null : Math.round(minContext),
      maxInputPrice: positiveNumber(params.get("in")),
      maxOutputPrice: positiveNumber(params.get("out")),
      flags: list(params.get("f")).filter((flag): flag is FlagFilter => FLAG_FILTERS.includes(flag as FlagFilter)),
    },
    sort: { key: sortKey, direction: dir === "asc" || dir === "desc" ? dir : DEFAULT_DIRECTION[sortKey] },
    ...modelParam(params.get("model"), params.get("via")),
  };
}

/** `model` holds a Hub id; a full ref (as other pages link with) is accepted, its suffix read as `via`. */
function modelParam(raw: string | null, via: string | null): Pick<CatalogUrlState, "model" | "via"> {
  const value = raw?.trim();
  if (!value) return { model: null, via: "" };
  if (!value.startsWith(`${PROVIDER_PREFIX}/`)) return { model: value, via: (via ?? "").trim() };
  try {
    const ref = parseRef(value);
    return { model: ref.id, via: (via ?? suffixText(ref.suffix)).trim() };
  } catch {
    return { model: value, via: (via ?? "").trim() };
  }
}

/** The search params of a state, defaults omitted, in a stable order. */
export function serializeCatalogUrl(state: CatalogUrlState): URLSearchParams {
  const params = new URLSearchParams();
  const { filters, sort } = state;
  if (state.q.trim()) params.set("q", state.q);
  if (filters.providers.length) params.set("provider", filters.providers.join(","));
  if (filters.minContext != null) params.set("ctx", String(filters.minContext));
  if (filters.maxInputPrice != null) params.set("in", String(filters.maxInputPrice));
  if (filters.maxOutputPrice != null) params.set("out", String(filters.maxOutputPrice));
  // Flags in their canonical order so the same view always gives the same link.
  const flags = FLAG_FILTERS.filter((flag) => filters.flags.includes(flag));
  if (flags.length) params.set("f", flags.join(","));
  if (sort.key !== DEFAULT_SORT.key) params.set("sort", sort.key);
  if (sort.direction !== DEFAULT_DIRECTION[sort.key]) params.set("dir", sort.direction);
  if (state.model) {
    params.set("model", state.model);
    if (state.via) params.set("via", state.via);
  }
  return params;
}

/** `?…` for a state, or "" when everything is default. */
export function catalogSearchString(state: CatalogUrlState): string {
  // ",", "/" and ":" are legal in a query; unescaped they keep shared links readable.
  const text = serializeCatalogUrl(state).toString().replace(/%2C/g, ",").replace(/%2F/g, "/").replace(/%3A/g, ":");
  return text ? `?${text}` : "";
}
