import { describe, expect, it } from "vitest";
import { fetchablePort } from "./fetch-ports";

describe("ports fetch connects to", () => {
  it("skips the ports fetch refuses, as Node's own fetch does", async () => {
    expect(fetchablePort(4190)).toBe(4191);
    expect(fetchablePort(6665)).toBe(6670);
    expect(fetchablePort(3190)).toBe(3190);
    // Node's fetch refuses 4190 before connecting, for the port alone.
    await expect(fetch("http://127.0.0.1:4190/")).rejects.toMatchObject({ cause: { message: "bad port" } });
  });
});
