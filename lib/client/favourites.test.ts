import { describe, expect, it } from "vitest";
import { parseFavourites, toggleFavourite } from "./favourites";

describe("favourites storage", () => {
  it("reads a stored list and tolerates junk", () => {
    expect(parseFavourites('["a/b","c/d","a/b",3]')).toEqual(["a/b", "c/d"]);
    expect(parseFavourites("{")).toEqual([]);
    expect(parseFavourites('{"a":1}')).toEqual([]);
    expect(parseFavourites(null)).toEqual([]);
  });
  it("toggles an id", () => {
    expect(toggleFavourite(["a/b"], "c/d")).toEqual(["a/b", "c/d"]);
    expect(toggleFavourite(["a/b", "c/d"], "a/b")).toEqual(["c/d"]);
  });
});
