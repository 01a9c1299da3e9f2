import { describe, expect, it } from "vitest";
import {
  catalogSearchString,
  type CatalogUrlState,
  DEFAULT_URL_STATE,
  parseCatalogUrl,
  serializeCatalogUrl,
} from "./catalog-url-state";

const full: CatalogUrlState = {
  q: "lama 70",
  filters: {
    providers: ["groq", "together"],
    minContext: 131072,
    maxInputPrice: 1,
    maxOutputPrice: 2.5,
    flags: ["tools", "vision", "live"],
  },
  sort: { key: "price", direction: "desc" },
  model: "meta-llama/Llama-3.3-70B-Instruct",
  via: "groq",
};

describe("catalog URL state", () => {
  it("round-trips a full state", () => {
    expect(parseCatalogUrl(serializeCatalogUrl(full))).toEqual(full);
    expect(parseCatalogUrl(new URLSearchParams(catalogSearchString(full)))).toEqual(full);
  });
  it("round-trips the default state as an empty query", () => {
    expect(catalogSearchString(DEFAULT_URL_STATE)).toBe("");
    expect(parseCatalogUrl(new URLSearchParams(""))).toEqual(DEFAULT_URL_STATE);
  });
  it("keeps links short and readable", () => {
    expect(catalogSearchString(full)).toBe(
      "?q=lama+70&provider=groq,together&ctx=131072&in=1&out=2.5&f=tools,vision,live&sort=price&dir=desc&model=meta-llama/Llama-3.3-70B-Instruct&via=groq",
    );
  });
  it("omits the direction when it is the sort's natural one", () => {
    expect(catalogSearchString({ ...DEFAULT_URL_STATE, sort: { key: "price", direction: "asc" } })).toBe("?sort=price");
    expect(parseCatalogUrl(new URLSearchParams("sort=context")).sort).toEqual({ key: "context", direction: "desc" });
  });
  it("orders flags canonically", () => {
    const state = {
      ...DEFAULT_URL_STATE,
      filters: { ...DEFAULT_URL_STATE.filters, flags: ["live", "tools"] as const },
    };
    expect(catalogSearchString({ ...state, filters: { ...state.filters, flags: [...state.filters.flags] } })).toBe(
      "?f=tools,live",
    );
  });
  it("ignores what it cannot read", () => {
    const parsed = parseCatalogUrl(
      new URLSearchParams("sort=bogus&dir=up&ctx=-5&in=abc&f=tools,nope&provider=,,groq,groq&via=x"),
    );
    expect(parsed).toEqual({
      ...DEFAULT_URL_STATE,
      filters: { ...DEFAULT_URL_STATE.filters, providers: ["groq"], flags: ["tools"] },
    });
  });
  it("accepts a full ref as the model, reading its suffix as the routing choice", () => {
    expect(parseCatalogUrl(new URLSearchParams("model=huggingface/deepseek-ai/DeepSeek-R1:cheapest"))).toMatchObject({
      model: "deepseek-ai/DeepSeek-R1",
      via: "cheapest",
    });
    expect(parseCatalogUrl(new URLSearchParams("model=huggingface/Qwen/Qwen3-8B&via=together"))).toMatchObject({
      model: "Qwen/Qwen3-8B",
      via: "together",
    });
  });
});
